// Wires the connection: documents in, diagnostics, completion, hover, quick fixes and outline out.
// Takes the connection as a parameter so tests and `podscope lsp --stdio` run the very same server.
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRegistry, schemaFor, type RuleRegistry } from '../engine';
import { ExactService } from '../exact/exactService';
import { findModules, moduleDirs, type ModuleEntry } from '../exact/modules';
import { CLUSTER_VERSION_NOTIFICATION, EXACT_STATUS_NOTIFICATION, type ClusterVersionParams, type ExactStatusParams } from '../shared/protocol';
import { Analyzer, type Analysis } from './analysis';
import { SERVER_CAPABILITIES } from './capabilities';
import { quickFixes } from './codeActions';
import { completionsAt } from './completion';
import { docUrls } from './diagnostics';
import { DiagnosticsPublisher, type ExactHooks } from './diagnosticsPublisher';
import { ExactLayer } from './exactLayer';
import { hoverAt } from './hover';
import { KubernetesVersions } from './kubernetesVersion';
import { SERVER_INFO } from './serverInfo';
import { SETTINGS_SECTION, SettingsStore } from './settings';
import { documentSymbols } from './symbols';

export interface ServerOptions {
  /** The rules to run; tests pass their own, everyone else gets the default set. */
  registry?: RuleRegistry;
  /** Exact validation: `false` turns it off; `modules` replaces the modules found on disk. */
  exact?: false | { modules?: ModuleEntry[] };
}

interface Server {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  analyzer: Analyzer;
  versions: KubernetesVersions;
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
  const exactOn = options.exact !== false && process.env.PODSCOPE_EXACT !== 'off';
  const versions = new KubernetesVersions(exactOn ? (options.exact || undefined)?.modules ?? findModules(moduleDirs(__dirname)) : undefined);
  const exact = exactOn ? exactHooks(connection, registry, versions) : undefined;
  const server: Server = {
    connection, documents, settings, analyzer, versions, report,
    publisher: new DiagnosticsPublisher(connection, documents, settings, analyzer, versions, docUrls(registry), report, exact),
  };
  handleLifecycle(server);
  handleClusterVersion(server);
  if (exact) handleExact(server, exact);
  handleDocuments(server);
  handleFeatures(server);
  documents.listen(connection);
  connection.listen();
  return connection;
}

function exactHooks(connection: Connection, registry: RuleRegistry, versions: KubernetesVersions): ExactHooks {
  const service = new ExactService({ log: (message) => connection.console.error(message) });
  const layer = new ExactLayer(service, versions);
  connection.onShutdown(() => service.dispose());
  // The status bar is best effort: a notification the closing connection cannot send is dropped.
  const status = (params: ExactStatusParams) => { connection.sendNotification(EXACT_STATUS_NOTIFICATION, params).catch(() => undefined); };
  return { layer, registry, status };
}

/** The module starts loading with the first document. */
function handleExact({ documents, settings, report }: Server, exact: ExactHooks): void {
  let warmed = false;
  documents.onDidOpen(({ document }) => {
    if (warmed) return;
    warmed = true;
    settings.get(document.uri).then((s) => exact.layer.warm(s), report);
  });
}

/** A new cluster version may choose another module and schema: open files are checked again. */
function handleClusterVersion({ connection, versions, publisher, report }: Server): void {
  connection.onNotification(CLUSTER_VERSION_NOTIFICATION, (params: ClusterVersionParams) => {
    if (versions.clusterVersion === params.gitVersion) return;
    versions.clusterVersion = params.gitVersion;
    publisher.revalidateAll(report);
  });
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

function handleFeatures({ connection, documents, settings, analyzer, versions, publisher }: Server): void {
  // The current version's analysis, parsed at most once per version whichever feature asks first;
  // none for a document over the size limit (completion there would parse what validation refused).
  const analysisOf = async (uri: string): Promise<Analysis | undefined> => {
    const { validate } = await settings.get(uri);
    const document = documents.get(uri);
    if (!document || document.getText().length > validate.maxFileSizeKB * 1024) return undefined;
    return analyzer.analyze(uri, document.version, document.getText());
  };
  // Completion and hover speak of the version the document is checked against.
  const schemaOf = async (uri: string) => schemaFor(versions.schema(await settings.get(uri)))!;
  connection.onCompletion(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? completionsAt(analysis, await schemaOf(textDocument.uri), position.line, position.character) : [];
  });
  connection.onHover(async ({ textDocument, position }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? hoverAt(analysis, await schemaOf(textDocument.uri), position.line, position.character) : null;
  });
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const analysis = await analysisOf(textDocument.uri);
    return analysis ? documentSymbols(analysis) : [];
  });
  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const findings = document && (await publisher.findingsFor(document.uri, document.version));
    return findings ? quickFixes(params, findings) : [];
  });
}
