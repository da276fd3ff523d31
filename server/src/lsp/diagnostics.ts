// Finding -> LSP Diagnostic. The rule code links to the rule's documentation.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, RuleRegistry, Severity } from '../engine';
import { ruleCatalog } from '../engine';

export const DIAGNOSTIC_SOURCE = 'podscope';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function diagnosticMessage(f: Pick<Finding, 'path' | 'message'>): string {
  return f.path ? `${f.path}: ${f.message}` : f.message;
}

/** Rule code -> documentation URL, for the registry's rules and the engine's own codes (yaml-syntax, ...). */
export type DocUrls = ReadonlyMap<string, string>;

export function docUrls(registry: RuleRegistry): DocUrls {
  return new Map(ruleCatalog(registry).map((r) => [r.code, r.docUrl]));
}

export function toDiagnostic(f: Finding, docs: DocUrls): Diagnostic {
  const docUrl = docs.get(f.code);
  return {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    code: f.code,
    ...(docUrl ? { codeDescription: { href: docUrl } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: diagnosticMessage(f),
  };
}
