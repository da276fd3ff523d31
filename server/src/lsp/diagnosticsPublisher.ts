// Validates a document version and publishes its diagnostics. Settings arrive asynchronously, so
// a newer version can overtake an older one: results are published only for the current version.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { INTERNAL_ERROR, tooLargeFinding, type Finding, type RuleRegistry } from '../engine';
import { mergeFindings } from '../exact/merge';
import type { ExactStatusParams, PodscopeSettings } from '../shared/protocol';
import type { Analysis, Analyzer } from './analysis';
import { toDiagnostic, type DocUrls } from './diagnostics';
import type { ExactLayer, ExactResult } from './exactLayer';
import type { KubernetesVersions } from './kubernetesVersion';
import { findingsKey, type SettingsStore } from './settings';

/** The exact layer and what it needs: present when the server runs with exact validation. */
export interface ExactHooks {
  layer: ExactLayer;
  registry: RuleRegistry;
  status(params: ExactStatusParams): void;
}

/** The first slice of a large file is short, for its first squiggles; later ones (parsing only) keep the server answering. */
const FIRST_SLICE_MS = 30;
const SLICE_MS = 50;
/** Smaller files are checked in one go (about 100 ms at 64 KiB): their diagnostics come in one publish. */
const SLICED_FROM_LENGTH = 64 * 1024;

export class DiagnosticsPublisher {
  /**
   * The exact layer's run for a document version, started as soon as its text is parsed: the
   * module validates in its worker while the engine's rules run here (two cores, not one after
   * the other), and the second publish takes the result.
   */
  private readonly earlyExact = new Map<string, { version: number; settings: PodscopeSettings; result: Promise<ExactResult> }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly analyzer: Analyzer,
    private readonly versions: KubernetesVersions,
    private readonly docs: DocUrls,
    /** Logs a failure that was turned into an `internal-error` diagnostic. */
    private readonly onError: (err: unknown) => void = () => {},
    private readonly exact?: ExactHooks,
  ) {}

  async validate(document: TextDocument): Promise<void> {
    // TextDocuments updates documents in place: remember which version this run is for.
    const version = document.version;
    let findings: Finding[] | undefined;
    try {
      await this.checkInSlices(document.uri, version);
      findings = await this.findingsFor(document.uri, version);
    } catch (err) {
      // Publishing nothing would leave the previous version's squiggles on text that is gone.
      this.onError(err);
      findings = [failedFinding(err)];
    }
    // Another change arrived while settings were pulled; its own run publishes.
    if (findings === undefined) return;
    await this.publish(document.uri, version, findings);
    try {
      await this.refineWithExact(document.uri, version);
    } catch (err) {
      // The engine's findings for this version are published already; the exact layer only adds to them.
      this.onError(err);
    }
  }

  /**
   * A large file just opened gets the diagnostics of its first documents before the rest is parsed: the first
   * slice parses and checks the documents at the top and publishes their findings; later slices parse the rest,
   * and the server answers other requests between them. Then findingsFor starts the exact layer on the parsed file
   * and checks what is left, as for any file (a small file or an edit: everything).
   */
  private async checkInSlices(uri: string, version: number): Promise<void> {
    const settings = await this.settings.get(uri);
    for (let slice = 0; ; slice++) {
      const current = this.documents.get(uri);
      if (!current || current.version !== version || !settings.validate.enable) return;
      const length = current.getText().length;
      if (length < SLICED_FROM_LENGTH || length > settings.validate.maxFileSizeKB * 1024) return;
      // The first slice spends half its time parsing, the other half checking what it parsed.
      const deadline = performance.now() + (slice === 0 ? FIRST_SLICE_MS / 2 : SLICE_MS);
      const { analysis, complete } = this.analyzer.analyzeUntil(uri, version, current.getText(), deadline);
      if (complete) return;
      if (slice === 0) await this.publish(uri, version, this.engineFindings(analysis, settings));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private publish(uri: string, version: number, findings: readonly Finding[]): Promise<void> {
    return this.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(f, this.docs)) });
  }

  /** Second pass: the API server's verdicts, merged in when they arrive for a version still current. */
  private async refineWithExact(uri: string, version: number): Promise<void> {
    if (!this.exact) return;
    const settings = await this.settings.get(uri);
    const current = this.documents.get(uri);
    if (!current || current.version !== version || !settings.validate.enable) return;
    if (current.getText().length > settings.validate.maxFileSizeKB * 1024) return;
    const analysis = this.analyzer.analyze(uri, version, current.getText());
    const { layer, status } = this.exact;
    const choice = layer.choose(settings);
    const version_ = choice.module?.version;
    if (!settings.exact.enable || !choice.module) {
      status({ uri, state: 'off', reason: settings.exact.enable ? choice.reason : 'podscope.exact.enable is off', ...(version_ ? { version: version_ } : {}) });
      return;
    }
    if (!layer.cached(analysis, settings)?.complete) status({ uri, version: version_, state: 'loading', reason: choice.reason });
    const early = this.earlyExact.get(uri);
    if (early) this.earlyExact.delete(uri);
    const result = await (early?.version === version && early.settings === settings ? early.result : layer.check(analysis, settings));
    // The choice moved on while this ran (the cluster answered, a setting changed): its module was
    // retired, and the run for the new choice reports.
    if (layer.choose(settings).module?.file !== choice.module.file) return;
    status({ uri, version: version_, state: result.findings ? 'ready' : 'unavailable', reason: choice.reason });
    const latest = this.documents.get(uri);
    if (!result.findings || !latest || latest.version !== version) return;
    await this.publish(uri, version, this.merged(analysis, settings, result.findings, result.validated));
  }

  private merged(analysis: Analysis, settings: PodscopeSettings, exact: readonly Finding[], validated?: ReadonlySet<number>): Finding[] {
    const engine = this.engineFindings(analysis, settings);
    const own = exact.filter((f) => settings.rules[f.code] !== 'off').map((f) => {
      const s = settings.rules[f.code];
      return s && s !== 'off' ? { ...f, severity: s } : f;
    });
    return mergeFindings(engine, own, this.exact!.registry, validated);
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
    // Verdicts already known for every chunk (an edit elsewhere, a quick-fix request) are merged at once.
    const exact = this.exact && settings.exact.enable ? this.exact.layer.cached(analysis, settings) : undefined;
    if (exact && !exact.complete) this.startExact(uri, version, analysis, settings);
    if (exact) return this.merged(analysis, settings, exact.findings, exact.validated);
    return this.engineFindings(analysis, settings);
  }

  private startExact(uri: string, version: number, analysis: Analysis, settings: PodscopeSettings): void {
    if (!this.exact!.layer.choose(settings).module) return;
    const result = this.exact!.layer.check(analysis, settings);
    // Taken by refineWithExact; a run it never takes (a newer version came first) must not warn.
    result.catch(() => undefined);
    this.earlyExact.set(uri, { version, settings, result });
  }

  /** The engine's findings, against the schema of the version the exact layer chooses too. */
  private engineFindings(analysis: Analysis, settings: PodscopeSettings): Finding[] {
    const version = this.versions.schema(settings);
    return this.analyzer.findings(analysis, settings.rules, `${version}\u0000${findingsKey(settings)}`, version);
  }

  revalidateAll(onError: (err: unknown) => void): void {
    for (const document of this.documents.all()) this.validate(document).catch(onError);
  }

  clear(uri: string): void {
    this.earlyExact.delete(uri);
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
