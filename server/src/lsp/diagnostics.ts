// Finding -> LSP Diagnostic. The rule code links to the rule's documentation.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, RuleRegistry, Severity } from '../engine';

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

export function toDiagnostic(f: Finding, registry: RuleRegistry): Diagnostic {
  const docUrl = registry.get(f.code)?.docUrl;
  return {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    code: f.code,
    ...(docUrl ? { codeDescription: { href: docUrl } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: diagnosticMessage(f),
  };
}
