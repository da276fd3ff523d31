// Registers the pod actions (logs, exec, describe, YAML, delete, copy name, port-forward, cluster dry run): their
// views and documents, and every command of commands.ts. The explorer calls this once with what the commands need.
import * as vscode from 'vscode';
import { podActionCommands, currentLogDefaults, type PodCommandContext } from '../../commands';
import type { Explorer } from '../tree/explorer';
import { LogViews } from '../logs/logView';
import { logStatusBar } from '../logs/logStatusBar';
import { ClusterDiagnostics } from '../dryRun/clusterDiagnostics';
import type { PodActionDeps } from '../pod/podActionDeps';
import { PortForwardRegistry } from './portForward';
import { ReadOnlyDocuments } from './readOnlyDocuments';

export type { PodActionDeps, ActiveScope } from '../pod/podActionDeps';

/** What the explorer offers, as the actions need it: `registerPodActions(context, podActionDepsOf(explorer))`. */
export function podActionDepsOf(explorer: Pick<Explorer, 'apiFor' | 'connection'>): PodActionDeps {
  return {
    apiFor: (contextName) => explorer.apiFor(contextName),
    activeScope: () => {
      const connection = explorer.connection;
      const contextName = connection?.activeContext();
      return connection && contextName ? { contextName, namespace: connection.namespaceOf(contextName) } : undefined;
    },
  };
}

export function registerPodActions(context: vscode.ExtensionContext, deps: PodActionDeps): vscode.Disposable {
  const forwards = new PortForwardRegistry();
  const ctx: PodCommandContext = {
    deps,
    logViews: new LogViews(() => currentLogDefaults().maxLines),
    documents: new ReadOnlyDocuments(),
    forwards,
    clusterDiagnostics: new ClusterDiagnostics(),
  };
  const disposables: vscode.Disposable[] = [
    ctx.logViews,
    logStatusBar(ctx.logViews),
    ctx.documents,
    ctx.clusterDiagnostics,
    { dispose: () => void forwards.stopAll() },
    ...Object.entries(podActionCommands).map(([id, factory]) => vscode.commands.registerCommand(id, factory(ctx))),
  ];
  const all = vscode.Disposable.from(...disposables);
  context.subscriptions.push(all);
  return all;
}
