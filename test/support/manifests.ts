// Manifest fixtures for tests: `y` dedents a template literal; `pod`, `podNamed(name)`, `deployment`,
// `workload(kind, name)`, `template(kind, name)` and `cronJob(name, schedule)` add the header every rule test used to
// repeat, so a fixture shows only what it is about; `documents(...)` joins several into one file (or a `---` line starts
// further documents, written in full). The text is exactly what the full literal was (the header's lines come first),
// so line numbers in assertions count from the manifest's first line as before.
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The header, then the body indented under it; from a `---` line on, further documents stay as written. */
function under(header: string[], depth: number, body: string): string {
  const lines = body.split('\n');
  const end = lines.indexOf('---');
  const indented = lines.map((l, i) => (l && (end < 0 || i < end) ? ' '.repeat(depth) + l : l)).join('\n');
  return `${header.join('\n')}\n${indented}`;
}

/** A Pod named `name`: the literal is its spec (lines 4 on). */
export function podNamed(name: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string =>
    under(['apiVersion: v1', 'kind: Pod', `metadata: {name: ${name}}`, 'spec:'], 2, y(strings, ...values));
}

/** A Pod named `p`: the literal is its spec (lines 4 on). */
export const pod = podNamed('p');

type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job';

function apiVersion(kind: WorkloadKind): string {
  return kind === 'Job' ? 'batch/v1' : 'apps/v1';
}

/** A `kind` named `name` selecting app=`name`: the literal is its pod template's spec (lines 8 on). */
export function workload(kind: WorkloadKind, name: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string => under([
    `apiVersion: ${apiVersion(kind)}`, `kind: ${kind}`, `metadata: {name: ${name}}`, 'spec:',
    `  selector: {matchLabels: {app: ${name}}}`, '  template:', `    metadata: {labels: {app: ${name}}}`, '    spec:',
  ], 6, y(strings, ...values));
}

/** A Deployment `d` selecting app=d: the literal is its pod template's spec (lines 8 on). */
export const deployment = workload('Deployment', 'd');

/** A `kind` named `name` with no selector: the literal is its pod template's spec (lines 6 on). */
export function template(kind: WorkloadKind, name: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string =>
    under([`apiVersion: ${apiVersion(kind)}`, `kind: ${kind}`, `metadata: {name: ${name}}`, 'spec:', '  template:', '    spec:'], 6, y(strings, ...values));
}

/** A CronJob named `name` on `schedule`: the literal is its job's pod template's spec (lines 9 on). */
export function cronJob(name: string, schedule: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string => under([
    'apiVersion: batch/v1', 'kind: CronJob', `metadata: {name: ${name}}`, 'spec:', `  schedule: ${JSON.stringify(schedule)}`,
    '  jobTemplate:', '    spec:', '      template:', '        spec:',
  ], 10, y(strings, ...values));
}

/** A Deployment `d` without a selector: the literal is its pod template's spec (lines 6 on). */
export const deploymentTemplate = template('Deployment', 'd');

/** Several documents in one file, as a `---` line between each builder's text (which ends in a line break). */
export function documents(...docs: string[]): string {
  return docs.join('---\n');
}
