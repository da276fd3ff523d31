// Shows a server-side dry run's findings as diagnostics beside the engine's (a collection of its own, source
// "podscope (cluster)"). They describe the text that was sent, so the first edit clears them.
import * as vscode from 'vscode';
import type { DryRunFinding, DryRunObjectResult } from './dryRunValidate';

export const CLUSTER_DIAGNOSTIC_SOURCE = 'podscope (cluster)';

export class ClusterDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('podscope-cluster');
  private readonly subscriptions = [
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) this.collection.delete(e.document.uri); }),
    vscode.workspace.onDidCloseTextDocument((doc) => this.collection.delete(doc.uri)),
  ];

  set(document: vscode.TextDocument, results: readonly DryRunObjectResult[]): void {
    this.collection.set(document.uri, results.flatMap((r) => r.findings.map((f) => diagnostic(document, f))));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

function diagnostic(document: vscode.TextDocument, f: DryRunFinding): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(f.start), document.positionAt(Math.max(f.end, f.start)));
  const d = new vscode.Diagnostic(range, f.message, f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = CLUSTER_DIAGNOSTIC_SOURCE;
  if (f.code) d.code = f.code;
  return d;
}
