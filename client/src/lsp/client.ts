// Starts the Podscope language server (dist/server.js) over IPC.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export interface LanguageClientHandle { client: LanguageClient; stop(): Promise<void> }

export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClientHandle> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
  };
  const client = new LanguageClient('podscope', 'Podscope', serverOptions, clientOptions);
  await client.start();
  return { client, stop: () => client.stop() };
}
