// Owns the extension's long-lived parts: the language client, and once the folder is trusted the pod explorer, the
// views its commands open and the commands themselves (one table, one registration loop).
import * as vscode from 'vscode';
import type { PodscopeApi } from './api';
import { openClusterViews } from './clusterViews';
import { registerCommands, type CommandContext } from './commands';
import { Config } from './config';
import { startExplorer, type Explorer } from './kube';
import { registerManifestLenses } from './kube/apply/manifestLenses';
import { ContainerFileSystem } from './kube/copy/containerFileSystem';
import type { PodActionDeps } from './kube/pod/podActionDeps';
import { PodDetailsDocuments } from './kube/details/podDetailsDocuments';
import { usageSection } from './kube/metrics/usageSection';
import { ImageHistory } from './kube/debug/imageHistory';
import { startExactVersion } from './exactVersion';
import { startLanguageClient, type LanguageClientHandle } from './lsp/client';
import { startWhenTrusted } from './workspaceTrust';

export class Ctx {
  languageClient: LanguageClientHandle | undefined;
  explorer: Explorer | undefined;
  readonly config = new Config();
  private pendingTrust: vscode.Disposable | undefined;
  private exactVersion: vscode.Disposable | undefined;

  constructor(readonly extensionContext: vscode.ExtensionContext) {}

  async start(): Promise<void> {
    // The explorer needs no server; start it first so the tree appears even if the LSP is slow.
    const cluster = startWhenTrusted(vscode.workspace, () => this.startClusterFeatures());
    this.pendingTrust = cluster.pending;
    await cluster.started;
    this.languageClient = await startLanguageClient(this.extensionContext);
    // In an untrusted folder there is no explorer (yet): `auto` then means the newest bundled version.
    this.exactVersion = startExactVersion(() => this.explorer, this.languageClient);
  }

  /** Cluster access: only in a trusted workspace (see workspaceTrust.ts). */
  private async startClusterFeatures(): Promise<void> {
    const explorer = await startExplorer(this.extensionContext);
    this.explorer = explorer;
    const views = openClusterViews(this.config);
    const debugImages = new ImageHistory(this.extensionContext.globalState);
    // Details documents follow pods through the tree's informers; resource usage joins as a section.
    const podDetails = new PodDetailsDocuments(explorer.model);
    const usage = podDetails.addSection(usageSection(explorer.model));
    const context: CommandContext = { explorer, deps: podActionDeps(explorer), config: this.config, debugImages, podDetails, ...views };
    // The Apply lenses show only while there is a cluster to apply to.
    const lenses = registerManifestLenses(() => explorer.connection !== undefined && this.config.manifestCodeLens);
    // Container files open read-only in editors, read by exec through the explorer's current clusters.
    const containerFiles = ContainerFileSystem.register((contextName) => explorer.apiFor(contextName));
    this.extensionContext.subscriptions.push(views, usage, podDetails, lenses, containerFiles, ...registerCommands(context));
  }

  /** The narrow face `activate` returns. */
  api(): PodscopeApi {
    const explorer = () => this.explorer;
    const client = () => this.languageClient;
    return {
      get explorerStarted() { return explorer() !== undefined; },
      languageServer: {
        get ready() { return client()?.ready ?? Promise.resolve(); },
        isRunning: () => client()?.client.isRunning() ?? false,
      },
    };
  }

  async dispose(): Promise<void> {
    this.pendingTrust?.dispose();
    this.exactVersion?.dispose();
    await this.languageClient?.stop();
    this.explorer?.dispose();
  }
}

/** Logs, exec and pod actions resolve the cluster through the explorer, so they follow context switches. */
function podActionDeps(explorer: Explorer): PodActionDeps {
  return {
    apiFor: (contextName) => explorer.apiFor(contextName),
    // A keybinding in the Pods view passes no argument: the focused row is what the user means.
    selected: () => explorer.treeView.selection[0],
    activeScope: () => {
      const connection = explorer.connection;
      const contextName = connection?.activeContext();
      return connection && contextName ? { contextName, namespace: connection.namespaceOf(contextName) } : undefined;
    },
  };
}
