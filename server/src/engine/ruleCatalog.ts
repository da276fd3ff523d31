// Every code a finding can carry: the registry's rules plus the codes the engine itself emits for
// YAML it cannot check. Settings, config files, SARIF rule metadata and the docs all list these.
import { ENGINE_CODES, EXACT_CODES } from './coreCodes';
import type { RuleRegistry } from './registry';
import type { RuleExamples, Severity } from './types';

export interface RuleInfo {
  code: string;
  severity: Severity;
  category: string;
  description: string;
  why?: string;
  remediation: string;
  /** Absent only for codes no small manifest raises through the engine alone (see coreCodes.ts). */
  examples?: RuleExamples;
  docUrl: string;
}

/** Codes a user may configure, in a stable order: engine codes first, then rules by category and code. */
export function ruleCatalog(registry: RuleRegistry): RuleInfo[] {
  const order = ['syntax', 'schema', 'api', 'runtime'];
  const rules = registry.all().map(({ code, severity, category, description, why, remediation, examples, docUrl }) =>
    ({ code, severity, category, description, ...(why ? { why } : {}), remediation, examples, docUrl }));
  rules.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [...ENGINE_CODES, ...EXACT_CODES, ...rules];
}
