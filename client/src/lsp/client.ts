// Starts the Podscope language server (dist/server.js) over IPC, but only once a YAML document is
// open: an extension activated for the pod explorer alone never spawns the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind,
  type ConfigurationParams, type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { Config, SECTION } from '../config';
import { reportFailure } from '../notify';
import { RestartPolicy } from './restartPolicy';

export interface LanguageClientHandle {
  client: LanguageClient;
  /** Settles once the server runs (or failed to start); pending while no YAML document was opened. */
  ready: Promise<void>;
  /** True once a YAML document started the server (`ready` then settles soon). */
  readonly starting: boolean;
  stop(): Promise<void>;
}

const SCHEMES = ['file', 'untitled'];

export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClientHandle> {
  const client = createClient(context);
  let started: Promise<void> | undefined;
  const start = (): Promise<void> => (started ??= client.start().catch((err: unknown) => {
    reportFailure('starting the language server', err);
  }));
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => { resolveReady = resolve; });
  const isYaml = (doc: vscode.TextDocument) => doc.languageId === 'yaml' && SCHEMES.includes(doc.uri.scheme);
  if (vscode.workspace.textDocuments.some(isYaml)) {
    void start().then(resolveReady);
  } else {
    const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!isYaml(doc)) return;
      listener.dispose();
      void start().then(resolveReady);
    });
    context.subscriptions.push(listener);
  }
  return {
    client,
    ready,
    get starting() { return started !== undefined; },
    stop: async () => {
      if (started && client.isRunning()) await client.stop();
    },
  };
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.map((scheme) => ({ scheme, language: 'yaml' })),
    errorHandler: errorHandler(),
    middleware: {
      // Answer `podscope` with the typed settings object the server expects; other sections as usual.
      workspace: {
        configuration: (params: ConfigurationParams, token, next) => {
          if (!params.items.some((i) => i.section === SECTION)) return next(params, token);
          return params.items.map((item) => (item.section === SECTION ? new Config(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined).lspSettings : null));
        },
      },
    },
  };
  return new LanguageClient('podscope', 'Podscope', serverOptions, clientOptions);
}

function errorHandler(): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    // A bad message is not worth killing the server; the next edit sends the document again.
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => (policy.crashed()
      ? { action: CloseAction.Restart }
      : { action: CloseAction.DoNotRestart, message: 'The Podscope language server stopped repeatedly and will not be restarted. Reload the window to try again.' }),
  };
}
