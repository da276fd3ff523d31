// Every code a finding can carry: the registry's rules plus the codes the engine itself emits for
// YAML it cannot check. Settings, config files, SARIF rule metadata and the docs all list these.
import type { RuleRegistry, Severity } from '../engine';

export interface RuleInfo {
  code: string;
  severity: Severity;
  category: string;
  description: string;
  docUrl: string;
}

/** Emitted by the engine's parser and guards (server/src/engine/parse.ts, validate.ts), not by rules. */
export const ENGINE_CODES: readonly RuleInfo[] = [
  {
    code: 'yaml-syntax', severity: 'error', category: 'syntax',
    description: 'The file must be well-formed YAML.',
    docUrl: 'https://yaml.org/spec/1.2.2/',
  },
  {
    code: 'yaml-duplicate-key', severity: 'error', category: 'syntax',
    description: 'A mapping must not repeat a key; the API server would keep only one of the values.',
    docUrl: 'https://yaml.org/spec/1.2.2/#mapping',
  },
  {
    code: 'yaml-escape', severity: 'warning', category: 'syntax',
    description: 'A double-quoted string uses the escape \\\' that kubectl accepts but YAML forbids.',
    docUrl: 'https://yaml.org/spec/1.2.2/#57-escaped-characters',
  },
  {
    code: 'yaml-alias-bomb', severity: 'error', category: 'syntax',
    description: 'A document whose aliases expand to more than 100000 nodes is refused, not checked.',
    docUrl: 'https://en.wikipedia.org/wiki/Billion_laughs_attack',
  },
];

/** A rule that threw; reported so a bug never hides findings silently. Not configurable. */
export const INTERNAL_ERROR: RuleInfo = {
  code: 'internal-error', severity: 'error', category: 'internal',
  description: 'A Podscope rule failed on this document; please report it.',
  docUrl: 'https://github.com/podscope/podscope/issues',
};

/** Codes a user may configure, in a stable order: engine codes first, then rules by category and code. */
export function ruleCatalog(registry: RuleRegistry): RuleInfo[] {
  const order = ['syntax', 'schema', 'api', 'runtime'];
  const rules = registry.all().map(({ code, severity, category, description, docUrl }) => ({ code, severity, category, description, docUrl }));
  rules.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [...ENGINE_CODES, ...rules];
}
