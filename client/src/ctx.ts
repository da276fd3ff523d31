// Owns the extension's long-lived parts: the language client, the pod explorer, the documents and views the commands
// open, and the commands themselves (one table, one registration loop).
import * as vscode from 'vscode';
import type { PodscopeApi } from './api';
import { createCommands, type CommandContext } from './commands';
import { Config } from './config';
import { startExplorer, type Explorer } from './kube';
import { PortForwardRegistry } from './kube/actions/portForward';
import { ReadOnlyDocuments } from './kube/actions/readOnlyDocuments';
import { ClusterDiagnostics } from './kube/dryRun/clusterDiagnostics';
import { logStatusBar } from './kube/logs/logStatusBar';
import { LogViews } from './kube/logs/logView';
import type { PodActionDeps } from './kube/pod/podActionDeps';
import { startLanguageClient, type LanguageClientHandle } from './lsp/client';

export class Ctx implements CommandContext {
  languageClient: LanguageClientHandle | undefined;
  explorer: Explorer | undefined;
  readonly config = new Config();
  readonly logViews = new LogViews(() => this.config.logDefaults.maxLines);
  readonly documents = new ReadOnlyDocuments();
  readonly forwards = new PortForwardRegistry();
  readonly clusterDiagnostics = new ClusterDiagnostics();
  /** Logs, exec and pod actions resolve the cluster through the explorer, so they follow context switches. */
  readonly deps: PodActionDeps = {
    apiFor: (contextName) => this.explorer?.apiFor(contextName),
    activeScope: () => {
      const connection = this.explorer?.connection;
      const contextName = connection?.activeContext();
      return connection && contextName ? { contextName, namespace: connection.namespaceOf(contextName) } : undefined;
    },
  };

  constructor(readonly extensionContext: vscode.ExtensionContext) {}

  async start(): Promise<void> {
    const subscriptions = this.extensionContext.subscriptions;
    subscriptions.push(this.logViews, logStatusBar(this.logViews), this.documents, this.clusterDiagnostics, { dispose: () => void this.forwards.stopAll() });
    for (const [id, factory] of Object.entries(createCommands())) subscriptions.push(vscode.commands.registerCommand(id, factory(this)));
    // The explorer needs no server; start it first so the tree appears even if the LSP is slow.
    this.explorer = await startExplorer(this.extensionContext);
    this.languageClient = await startLanguageClient(this.extensionContext);
  }

  /** The narrow face `activate` returns. */
  api(): PodscopeApi {
    return {
      explorerStarted: this.explorer !== undefined,
      languageServer: {
        ready: this.languageClient?.ready ?? Promise.resolve(),
        isRunning: () => this.languageClient?.client.isRunning() ?? false,
      },
    };
  }

  async dispose(): Promise<void> {
    await this.languageClient?.stop();
    this.explorer?.dispose();
  }
}
