// "Validate Against the Cluster": the active manifest, dry-run on the tree's context and namespace (asking first
// before Secrets or cluster-scoped objects leave the editor, see dryRunConsent.ts), findings shown as diagnostics.
import * as vscode from 'vscode';
import { reportFailure, reportProblem } from '../../notify';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import type { ClusterDiagnostics } from './clusterDiagnostics';
import { clusterDryRunTransport } from './clusterDryRunTransport';
import { DryRunConsent, validateFileOnCluster, type DryRunUi } from './dryRunConsent';

export interface DryRunCommandContext {
  deps: PodActionDeps;
  clusterDiagnostics: ClusterDiagnostics;
  config: { readonly confirmSensitiveDryRun: boolean };
}

const dryRunUi: DryRunUi = {
  progress: (title, task) => Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task)),
  askToSend: async (question, detail) => (await vscode.window.showWarningMessage(question, { modal: true, detail }, 'Send Dry Run')) === 'Send Dry Run',
  report: (ok, text) => void (ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage)(text),
};

const validateOnCluster: CommandFactory<DryRunCommandContext> = (ctx) => {
  const consent = new DryRunConsent();
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      reportProblem('open a manifest to validate against the cluster.');
      return;
    }
    const scope = ctx.deps.activeScope();
    const api = scope && ctx.deps.apiFor(scope.contextName);
    if (!scope || !api) {
      reportProblem('no Kubernetes context is selected. Choose one in the Pods view first.');
      return;
    }
    const document = editor.document;
    try {
      const results = await validateFileOnCluster({
        file: document.uri.toString(),
        text: document.getText(),
        contextName: scope.contextName,
        namespace: scope.namespace ?? 'default',
        confirmSensitive: ctx.config.confirmSensitiveDryRun,
      }, clusterDryRunTransport(api), consent, dryRunUi);
      if (results) ctx.clusterDiagnostics.set(document, results);
    } catch (err) {
      reportFailure('the server-side dry run', err);
    }
  };
};

export const dryRunCommands = {
  'podscope.manifest.validateOnCluster': validateOnCluster,
};
