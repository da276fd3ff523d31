// Quick fixes: the fixes a finding carried, offered for the diagnostic the editor asks about.
// Matching is by code, range and message, against the findings of the document's current version,
// so an edit computed for an older text is never applied to a newer one.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding } from '../engine';
import { DIAGNOSTIC_SOURCE, diagnosticMessage } from './diagnostics';

export function quickFixes(params: CodeActionParams, findings: readonly Finding[]): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some(coversQuickFix)) return [];
  const actions: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = findings.find((f) => matches(f, d));
    for (const fix of finding?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: finding!.fixes!.length === 1,
        edit: { changes: { [params.textDocument.uri]: fix.edits } },
      });
    }
  }
  return actions;
}

/** A requested kind covers quick fixes when it is the empty kind, `quickfix`, or a parent of it. */
function coversQuickFix(kind: string): boolean {
  return kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`);
}

function matches(f: Finding, d: Diagnostic): boolean {
  return f.code === d.code && sameRange(f.range, d.range) && diagnosticMessage(f) === d.message;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
