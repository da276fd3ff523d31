// Validates a document version and publishes its diagnostics. Settings arrive asynchronously, so
// a newer version can overtake an older one: results are published only for the current version.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine';
import type { Analyzer } from './analysis';
import { toDiagnostic, type DocUrls } from './diagnostics';
import { findingsKey, type SettingsStore } from './settings';

export class DiagnosticsPublisher {
  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly analyzer: Analyzer,
    private readonly docs: DocUrls,
  ) {}

  async validate(document: TextDocument): Promise<void> {
    // TextDocuments updates documents in place: remember which version this run is for.
    const version = document.version;
    const findings = await this.findingsFor(document.uri, version);
    // Another change arrived while settings were pulled; its own run publishes.
    if (findings === undefined) return;
    await this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics: findings.map((f) => toDiagnostic(f, this.docs)) });
  }

  /** Findings of `version` of the document under its settings; undefined when that version is no longer current. */
  async findingsFor(uri: string, version: number): Promise<Finding[] | undefined> {
    const settings = await this.settings.get(uri);
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return undefined;
    if (!settings.validate.enable) return [];
    const analysis = this.analyzer.analyze(uri, version, current.getText());
    return this.analyzer.findings(analysis, settings.rules, findingsKey(settings));
  }

  revalidateAll(onError: (err: unknown) => void): void {
    for (const document of this.documents.all()) this.validate(document).catch(onError);
  }

  clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
