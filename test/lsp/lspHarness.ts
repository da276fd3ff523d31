// A real LSP client for tests and the benchmark: JSON-RPC over streams to the Podscope server,
// either in this process (fast, deterministic) or as a child process (what an editor runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest, createConnection, createProtocolConnection, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, InitializedNotification, InitializeRequest, ProposedFeatures, PublishDiagnosticsNotification,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter, type ConfigurationItem, type InitializeResult,
  type ProtocolConnection, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { RuleRegistry } from '../../server/src/engine';
import { startServer, type ServerOptions } from '../../server/src/lsp/startServer';

export interface HarnessOptions {
  /** Answers `workspace/configuration`; default: no settings (the server's defaults). */
  configuration?: (item: ConfigurationItem) => unknown | Promise<unknown>;
  /** Rules for the in-process server (default: the engine's default registry). */
  registry?: RuleRegistry;
  /**
   * Exact validation of the in-process server: off unless a test asks (the engine's tests pin the
   * engine's findings; test/lsp/exact*.test.ts pass modules of their own).
   */
  exact?: ServerOptions['exact'];
  /** Spawn this command instead of running the server in-process. */
  command?: { cmd: string; args: string[]; cwd?: string };
}

type Waiter = { uri: string; predicate: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class LspHarness {
  readonly published: PublishDiagnosticsParams[] = [];
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private child: ChildProcess | undefined;
  private serverDispose: (() => void) | undefined;

  private constructor(readonly connection: ProtocolConnection) {}

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const { connection, child, dispose }: Started = options.command ? spawnServer(options.command) : inProcessServer(options.registry, options.exact ?? false);
    const h = new LspHarness(connection);
    h.child = child;
    h.serverDispose = dispose;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => h.onDiagnostics(p));
    connection.onRequest(ConfigurationRequest.type, async (params) => Promise.all(params.items.map(async (item) => (options.configuration ? options.configuration(item) : null))));
    connection.listen();
    h.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return h;
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.published.push(p);
    this.waiters = this.waiters.filter((w) => {
      if (w.uri !== p.uri || !w.predicate(p)) return true;
      w.resolve(p);
      return false;
    });
  }

  /** The next diagnostics published for `uri` that satisfy `predicate` (checked on arrival, not from history). */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, predicate, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    // Servers that do not version their diagnostics (yaml-language-server) publish without one.
    const published = this.nextDiagnostics(uri, (p) => p.version === version || p.version === undefined);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    return published;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Process id of a child server. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Ends a child server that did not stop cleanly (after a failed assertion, say). */
  kill(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  async stop(): Promise<number | null> {
    if (this.child) {
      const child = this.child;
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      const code = await exited;
      this.connection.dispose();
      return code;
    }
    // In-process: `exit` would end this very process, so only shut down and drop the streams.
    await this.connection.sendRequest(ShutdownRequest.type);
    this.connection.dispose();
    this.serverDispose?.();
    return null;
  }
}

interface Started { connection: ProtocolConnection; child?: ChildProcess; dispose?: () => void }

function inProcessServer(registry: RuleRegistry | undefined, exact: ServerOptions['exact']): Started {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Readers and writers, not raw streams: given streams, the server library exits the process when they close.
  const server = startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { registry, ...(exact === undefined ? {} : { exact }) });
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return { connection, dispose: () => server.dispose() };
}

function spawnServer(command: NonNullable<HarnessOptions['command']>): Started {
  const child = spawn(command.cmd, command.args, { cwd: command.cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  return { connection, child };
}
