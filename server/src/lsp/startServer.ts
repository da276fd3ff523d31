// Wires the connection: documents in, diagnostics, completion, hover, quick fixes and outline out.
// Takes the connection as a parameter so tests and `podscope lsp --stdio` run the very same server.
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRegistry, type RuleRegistry } from '../engine';
import { Analyzer } from './analysis';
import { SERVER_CAPABILITIES } from './capabilities';
import { quickFixes } from './codeActions';
import { completionsAt } from './completion';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { hoverAt } from './hover';
import { SERVER_INFO } from './serverInfo';
import { SettingsStore } from './settings';
import { documentSymbols } from './symbols';

export interface ServerOptions {
  /** The rules to run; tests pass their own, everyone else gets the default set. */
  registry?: RuleRegistry;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), options: ServerOptions = {}): Connection {
  const registry = options.registry ?? defaultRegistry();
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const analyzer = new Analyzer(registry);
  const publisher = new DiagnosticsPublisher(connection, documents, settings, analyzer, registry);
  let dynamicConfigRegistration = false;

  connection.onInitialize((params): InitializeResult => {
    const workspace = params.capabilities.workspace;
    settings.pullSupported = workspace?.configuration === true;
    dynamicConfigRegistration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    return { capabilities: SERVER_CAPABILITIES, serverInfo: SERVER_INFO };
  });
  connection.onInitialized(() => {
    if (settings.pullSupported && dynamicConfigRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'podscope' });
    }
  });
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    publisher.revalidateAll();
  });

  documents.onDidChangeContent(({ document }) => void publisher.validate(document));
  documents.onDidClose(({ document }) => {
    settings.forget(document.uri);
    analyzer.forget(document.uri);
    publisher.clear(document.uri);
  });

  const analysisOf = (uri: string) => {
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

  documents.listen(connection);
  connection.listen();
  return connection;
}
