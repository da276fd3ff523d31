// "Validate Against the Cluster": the active manifest, dry-run on the tree's context and namespace, findings shown
// as diagnostics of the document.
import * as vscode from 'vscode';
import { inform, reportFailure, reportProblem, titled, warn } from '../../notify';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import type { ClusterDiagnostics } from './clusterDiagnostics';
import { clusterDryRunTransport } from './clusterDryRunTransport';
import { dryRunManifest, dryRunSummary } from './dryRunValidate';

export interface DryRunCommandContext {
  deps: PodActionDeps;
  clusterDiagnostics: ClusterDiagnostics;
}

const validateOnCluster: CommandFactory<DryRunCommandContext> = (ctx) => async () => {
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
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: titled(`dry run on ${scope.contextName}…`) },
      () => dryRunManifest(document.getText(), clusterDryRunTransport(api), scope.namespace ?? 'default'),
    );
    ctx.clusterDiagnostics.set(document, results);
    const summary = dryRunSummary(results);
    const text = `dry run on ${scope.contextName}: ${summary.text}.`;
    if (summary.ok) void inform(text);
    else warn(text);
  } catch (err) {
    reportFailure('the server-side dry run', err);
  }
};

export const dryRunCommands = {
  'podscope.manifest.validateOnCluster': validateOnCluster,
};
