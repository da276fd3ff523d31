// What the explorer's commands show besides the tree: log views (and their status bar entry), the describe and YAML
// documents, running port forwards, the dry run's diagnostics and their quick fix (replace a pod). Made once cluster features start (trusted folder).
import * as vscode from 'vscode';
import type { Config } from './config';
import { PortForwardRegistry } from './kube/portForward/portForwardSession';
import { ReadOnlyDocuments } from './kube/actions/readOnlyDocuments';
import { registerReplacePodActions } from './kube/apply/replacePodAction';
import { ClusterDiagnostics } from './kube/dryRun/clusterDiagnostics';
import { logStatusBar } from './kube/logs/logStatusBar';
import { LogViews } from './kube/logs/logView';

export interface ClusterViews extends vscode.Disposable {
  readonly logViews: LogViews;
  readonly documents: ReadOnlyDocuments;
  readonly forwards: PortForwardRegistry;
  readonly clusterDiagnostics: ClusterDiagnostics;
}

export function openClusterViews(config: Config): ClusterViews {
  const logViews = new LogViews(() => config.logDefaults.maxLines, () => config.logPresentation);
  const documents = new ReadOnlyDocuments();
  const forwards = new PortForwardRegistry();
  const clusterDiagnostics = new ClusterDiagnostics();
  const all = vscode.Disposable.from(logViews, logStatusBar(logViews), documents, clusterDiagnostics, registerReplacePodActions(), { dispose: () => void forwards.stopAll() });
  return { logViews, documents, forwards, clusterDiagnostics, dispose: () => all.dispose() };
}
