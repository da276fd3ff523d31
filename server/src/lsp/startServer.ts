// Wires the connection: documents in, diagnostics, completion, hover, quick fixes and outline out.
// Takes the connection as a parameter so tests and `podscope lsp --stdio` run the very same server.
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRegistry, type RuleRegistry } from '../engine';
import { Analyzer, type Analysis } from './analysis';
import { SERVER_CAPABILITIES } from './capabilities';
import { quickFixes } from './codeActions';
import { completionsAt } from './completion';
import { docUrls } from './diagnostics';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { hoverAt } from './hover';
import { SERVER_INFO } from './serverInfo';
import { SETTINGS_SECTION, SettingsStore } from './settings';
import { documentSymbols } from './symbols';

export interface ServerOptions {
  /** The rules to run; tests pass their own, everyone else gets the default set. */
  registry?: RuleRegistry;
}

interface Server {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  analyzer: Analyzer;
  publisher: DiagnosticsPublisher;
  /** Logs a failed validation: it must cost one publish, not the server (an unhandled rejection ends the process). */
  report(err: unknown): void;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions = {}): Connection {
  const registry = options.registry ?? defaultRegistry();
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const analyzer = new Analyzer(registry);
  const report = (err: unknown) => connection.console.error(`podscope: validation failed: ${(err as Error).stack ?? String(err)}`);
  const server: Server = {
    connection, documents, settings, analyzer, report,
    publisher: new DiagnosticsPublisher(connection, documents, settings, analyzer, docUrls(registry), report),
  };
  handleLifecycle(server);
  handleDocuments(server);
  handleFeatures(server);
  documents.listen(connection);
  connection.listen();
  return connection;
}

function handleLifecycle({ connection, settings, publisher, report }: Server): void {
  let dynamicConfigRegistration = false;
  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    settings.pullSupported = workspace?.configuration === true;
    dynamicConfigRegistration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return { capabilities: SERVER_CAPABILITIES, serverInfo: SERVER_INFO };
  });
  connection.onInitialized(() => {
    if (settings.pullSupported && dynamicConfigRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  });
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    publisher.revalidateAll(report);
  });
}

function handleDocuments({ documents, settings, analyzer, publisher, report }: Server): void {
  documents.onDidChangeContent(({ document }) => {
    publisher.validate(document).catch(report);
  });
  documents.onDidClose(({ document }) => {
    settings.forget(document.uri);
    analyzer.forget(document.uri);
    publisher.clear(document.uri);
  });
}

function handleFeatures({ connection, documents, analyzer, publisher }: Server): void {
  // The current version's analysis, parsed at most once per version whichever feature asks first.
  const analysisOf = (uri: string): Analysis | undefined => {
    const document = documents.get(uri);
    return document && analyzer.analyze(uri, document.version, document.getText());
  };
  connection.onCompletion(({ textDocument, position }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? completionsAt(analysis, position.line, position.character) : [];
  });
  connection.onHover(({ textDocument, position }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? hoverAt(analysis, position.line, position.character) : null;
  });
  connection.onDocumentSymbol(({ textDocument }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? documentSymbols(analysis) : [];
  });
  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const findings = document && (await publisher.findingsFor(document.uri, document.version));
    return findings ? quickFixes(params, findings) : [];
  });
}
