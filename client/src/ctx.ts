// Owns the extension's long-lived parts: the language client and the pod explorer.
import type * as vscode from 'vscode';
import { startExplorer, type Explorer } from './kube';
import { startLanguageClient, type LanguageClientHandle } from './lsp/client';

export class Ctx {
  languageClient: LanguageClientHandle | undefined;
  explorer: Explorer | undefined;

  constructor(readonly extensionContext: vscode.ExtensionContext) {}

  async start(): Promise<void> {
    // The explorer needs no server; start it first so the tree appears even if the LSP is slow.
    this.explorer = await startExplorer(this.extensionContext);
    this.languageClient = await startLanguageClient(this.extensionContext);
  }

  async dispose(): Promise<void> {
    await this.languageClient?.stop();
    this.explorer?.dispose();
  }
}
