// Validates a document version and publishes its diagnostics. Settings arrive asynchronously, so
// a newer version can overtake an older one: results are published only for the current version.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR, tooLargeFinding, type Finding } from '../engine';
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
    /** Logs a failure that was turned into an `internal-error` diagnostic. */
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  async validate(document: TextDocument): Promise<void> {
    // TextDocuments updates documents in place: remember which version this run is for.
    const version = document.version;
    let findings: Finding[] | undefined;
    try {
      findings = await this.findingsFor(document.uri, version);
    } catch (err) {
      // Publishing nothing would leave the previous version's squiggles on text that is gone.
      this.onError(err);
      findings = [failedFinding(err)];
    }
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
    const maxLength = settings.validate.maxFileSizeKB * 1024;
    if (current.getText().length > maxLength) {
      const tooLarge = tooLargeFinding(current.getText().length, maxLength);
      return settings.rules[tooLarge.code] === 'off' ? [] : [tooLarge];
    }
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

function failedFinding(err: unknown): Finding {
  return {
    code: INTERNAL_ERROR.code, severity: 'error', path: '', document: 0,
    message: `Podscope could not check this version of the file: ${err instanceof Error ? err.message : String(err)}`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
