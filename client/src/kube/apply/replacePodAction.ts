// The quick fix on a pod-update finding: "Replace the pod", for the document the finding is in.
import * as vscode from 'vscode';
import { CLUSTER_DIAGNOSTIC_SOURCE } from '../dryRun/clusterDiagnostics';
import type { DocumentArgument } from './manifestLenses';
import { POD_UPDATE_FORBIDDEN } from './podUpdate';

export const REPLACE_POD_COMMAND = 'podscope.manifest.replacePod';


export class ReplacePodActions implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const finding = context.diagnostics.find((d) => d.source === CLUSTER_DIAGNOSTIC_SOURCE && d.code === POD_UPDATE_FORBIDDEN);
    if (!finding) return [];
    const action = new vscode.CodeAction('Replace the pod (delete it and create it from this manifest)', vscode.CodeActionKind.QuickFix);
    const argument: DocumentArgument = { offset: document.offsetAt(finding.range.start) };
    action.command = { command: REPLACE_POD_COMMAND, title: action.title, arguments: [argument] };
    action.diagnostics = [finding];
    return [action];
  }
}

export function registerReplacePodActions(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'yaml' }, new ReplacePodActions(), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
