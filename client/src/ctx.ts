// Owns the extension's long-lived parts: the commands' registrations, the language client, and once the folder is
// trusted the cluster features (pod explorer, its views and the commands' handlers).
//
// Activation only registers; the language client and the explorer start after activate() has returned, each from
// a module loaded then (vscode-languageclient, @kubernetes/client-node), so the extension host's activation time is
// registration alone. A command run meanwhile waits for the explorer (commandRouter.ts), and so does a log view or
// container file VS Code restores with the window (fileSystemRouter.ts); readiness is on the API.
import * as vscode from 'vscode';
import type { PodscopeApi } from './api';
import type { ClusterFeatures } from './clusterFeatures';
import { CommandRouter, contributedCommands } from './commandRouter';
import { Config } from './config';
import { FileSystemRouter } from './fileSystemRouter';
import { startExactVersion } from './exactVersion';
import type { Explorer } from './kube';
import type { LanguageClientHandle } from './lsp/client';
import { reportFailure } from './notify';
import { startWhenTrusted } from './workspaceTrust';

/** The modules loaded only after activation (the bundle keeps them apart; see esbuild.mjs). Tests pass stand-ins. */
export interface LateModules {
  languageClient(): Promise<Pick<typeof import('./lsp/client.js'), 'startLanguageClient'>>;
  clusterFeatures(): Promise<Pick<typeof import('./clusterFeatures.js'), 'startClusterFeatures'>>;
}

const lateModules: LateModules = {
  languageClient: () => import('./lsp/client.js'),
  clusterFeatures: () => import('./clusterFeatures.js'),
};

export class Ctx {
  languageClient: LanguageClientHandle | undefined;
  readonly config = new Config();
  private cluster: ClusterFeatures | undefined;
  private languageStarted: Promise<LanguageClientHandle | undefined> = Promise.resolve(undefined);
  private readonly explorerReady: Promise<void>;
  private markExplorerReady!: () => void;
  private pendingTrust: vscode.Disposable | undefined;
  private exactVersion: vscode.Disposable | undefined;
  private disposed = false;

  constructor(readonly extensionContext: vscode.ExtensionContext, private readonly modules: LateModules = lateModules) {
    this.explorerReady = new Promise((resolve) => { this.markExplorerReady = resolve; });
  }

  get explorer(): Explorer | undefined {
    return this.cluster?.explorer;
  }

  /** Registers commands and schedules the starts; returns at once. */
  register(): void {
    const commands = new CommandRouter(contributedCommands(this.extensionContext));
    const fileSystems = new FileSystemRouter();
    this.extensionContext.subscriptions.push(commands, fileSystems);
    // Both start on a later turn of the event loop: a microtask would still run before VS Code sees activate return
    // and count toward its activation time. The language client goes first: its server then starts in its own process.
    this.languageStarted = afterActivation().then(() => this.startLanguageFeatures());
    const cluster = startWhenTrusted(vscode.workspace, () => this.startCluster(commands, fileSystems));
    this.pendingTrust = cluster.pending;
  }

  private async startLanguageFeatures(): Promise<LanguageClientHandle | undefined> {
    try {
      const { startLanguageClient } = await this.modules.languageClient();
      const handle = await startLanguageClient(this.extensionContext);
      if (this.disposed) { await handle.stop(); return undefined; }
      this.languageClient = handle;
      // In an untrusted folder there is no explorer (yet): `auto` then means the newest bundled version.
      this.exactVersion = startExactVersion(() => this.explorer, handle);
      return handle;
    } catch (err) {
      reportFailure('starting the language server', err);
      return undefined;
    }
  }

  /** Cluster access: only in a trusted workspace (see workspaceTrust.ts). Never rejects: a failure is reported. */
  private async startCluster(commands: CommandRouter, fileSystems: FileSystemRouter): Promise<void> {
    const features = afterActivation()
      .then(() => this.languageServerFirst())
      .then(() => this.modules.clusterFeatures())
      .then(({ startClusterFeatures }) => startClusterFeatures(this.extensionContext, this.config));
    // Set before the explorer exists, so a command run meanwhile waits for it.
    commands.serve(features.then((f) => f.commands));
    fileSystems.serve(features.then((f) => f.fileSystems));
    try {
      const started = await features;
      if (this.disposed) started.dispose();
      else this.cluster = started;
    } catch (err) {
      reportFailure('starting the pod explorer', err);
    } finally {
      this.markExplorerReady();
    }
  }

  /**
   * With a YAML document open, the language server's start goes first: loading the explorer (client-node, the
   * kubeconfig) holds the extension host's one thread, which the client's handshake and first diagnostics need too.
   */
  private async languageServerFirst(): Promise<void> {
    const lsp = await this.languageStarted;
    if (lsp?.starting) await lsp.ready;
  }

  /** The narrow face `activate` returns. */
  api(): PodscopeApi {
    const explorer = () => this.explorer;
    const client = () => this.languageClient;
    const languageStarted = () => this.languageStarted;
    return {
      get explorerStarted() { return explorer() !== undefined; },
      explorerReady: this.explorerReady,
      languageServer: {
        get ready() { return languageStarted().then((handle) => handle?.ready); },
        isRunning: () => client()?.client.isRunning() ?? false,
      },
    };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.pendingTrust?.dispose();
    this.exactVersion?.dispose();
    await this.languageClient?.stop();
    this.cluster?.dispose();
  }
}

function afterActivation(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
