// Manifest fixtures for tests: `y` dedents a template literal; `pod`, `podNamed(name)`, `deployment` and
// `template(kind, name)` add the header every rule test used to repeat, so a fixture shows only what it is about (a `---`
// line starts further documents, written in full, or `documents(...)` joins several built ones). The text is exactly what the full literal
// was (the header's lines come first), so line numbers in assertions count from the manifest's first line as before.
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

/** A Deployment `d` selecting app=d: the literal is its pod template's spec (lines 8 on). */
export function deployment(strings: TemplateStringsArray, ...values: unknown[]): string {
  return under([
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:',
    '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:',
  ], 6, y(strings, ...values));
}

const API_VERSION = { Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', Job: 'batch/v1' } as const;

/** A `kind` named `name` with no selector: the literal is its pod template's spec (lines 6 on). */
export function template(kind: keyof typeof API_VERSION, name: string) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string =>
    under([`apiVersion: ${API_VERSION[kind]}`, `kind: ${kind}`, `metadata: {name: ${name}}`, 'spec:', '  template:', '    spec:'], 6, y(strings, ...values));
}

/** A Deployment `d` without a selector: the literal is its pod template's spec (lines 6 on). */
export const deploymentTemplate = template('Deployment', 'd');

/** Several documents in one file, as a `---` line between each builder's text (which ends in a line break). */
export function documents(...docs: string[]): string {
  return docs.join('---\n');
}
