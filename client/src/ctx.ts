// Owns the extension's long-lived parts: the language client and the pod explorer.
import * as vscode from 'vscode';
import { startExplorer, type Explorer } from './kube';
import { podActionDepsOf, registerPodActions } from './kube/actions';
import { startExactVersion } from './exactVersion';
import { startLanguageClient, type LanguageClientHandle } from './lsp/client';
import { startWhenTrusted } from './workspaceTrust';

export class Ctx {
  languageClient: LanguageClientHandle | undefined;
  explorer: Explorer | undefined;
  private podActions: vscode.Disposable | undefined;
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
    this.explorer = await startExplorer(this.extensionContext);
    // Logs, exec and pod actions resolve the cluster through the explorer, so they follow context switches.
    this.podActions = registerPodActions(this.extensionContext, podActionDepsOf(this.explorer));
  }

  async dispose(): Promise<void> {
    this.pendingTrust?.dispose();
    this.exactVersion?.dispose();
    await this.languageClient?.stop();
    this.podActions?.dispose();
    this.explorer?.dispose();
  }
}
