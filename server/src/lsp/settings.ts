// Settings pulled from the client per document and cached until the client says they changed
// (the lsp-sample pattern). Values come from user JSON, so they are checked, not trusted.
import type { Connection } from 'vscode-languageserver/node';
import type { RuleSettings, SeveritySetting } from '../engine';
import type { PodscopeSettings, SettingsSection } from '../shared/protocol';
import { SEVERITY_SETTINGS } from '../shared/severity';

export const SETTINGS_SECTION: SettingsSection = 'podscope';

export const DEFAULT_SETTINGS: PodscopeSettings = Object.freeze({
  rules: Object.freeze({}) as RuleSettings,
  validate: Object.freeze({ enable: true, maxFileSizeKB: 4096 }),
  kubernetesVersion: 'auto',
  exact: Object.freeze({ enable: true, featureGates: Object.freeze({}) as Record<string, boolean> }),
});

const SEVERITIES: ReadonlySet<string> = new Set<SeveritySetting>(SEVERITY_SETTINGS);

/** Keeps the valid parts of whatever the client sent; anything malformed falls back to the default. */
export function normalizeSettings(raw: unknown): PodscopeSettings {
  const obj = isRecord(raw) ? raw : {};
  const rules: RuleSettings = {};
  if (isRecord(obj.rules)) {
    for (const [code, value] of Object.entries(obj.rules)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[code] = value as SeveritySetting;
    }
  }
  const validate = isRecord(obj.validate) ? obj.validate : {};
  const enable = typeof validate.enable === 'boolean' ? validate.enable : DEFAULT_SETTINGS.validate.enable;
  const size = validate.maxFileSizeKB;
  const maxFileSizeKB = typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : DEFAULT_SETTINGS.validate.maxFileSizeKB;
  const kubernetesVersion = typeof obj.kubernetesVersion === 'string' && /^(auto|v?\d+\.\d+(\.\d+)?)$/.test(obj.kubernetesVersion)
    ? obj.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion;
  const exact = isRecord(obj.exact) ? obj.exact : {};
  const featureGates: Record<string, boolean> = {};
  if (isRecord(exact.featureGates)) {
    for (const [gate, on] of Object.entries(exact.featureGates)) if (typeof on === 'boolean') featureGates[gate] = on;
  }
  return {
    rules, validate: { enable, maxFileSizeKB }, kubernetesVersion,
    exact: { enable: typeof exact.enable === 'boolean' ? exact.enable : DEFAULT_SETTINGS.exact.enable, featureGates },
  };
}

/** A stable key for the settings that change findings, so cached findings are reused only under equal settings. */
export function findingsKey(settings: PodscopeSettings): string {
  return JSON.stringify(Object.entries(settings.rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<PodscopeSettings>>();
  private global: PodscopeSettings = DEFAULT_SETTINGS;
  /** Set from the client's capabilities at initialize. */
  pullSupported = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<PodscopeSettings> {
    if (!this.pullSupported) return Promise.resolve(this.global);
    let cached = this.perDocument.get(uri);
    if (!cached) {
      cached = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.perDocument.set(uri, cached);
    }
    return cached;
  }

  /** didChangeConfiguration: a client without pull support pushes the settings in the notification. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    if (!this.pullSupported) {
      const section = isRecord(pushed) ? pushed[SETTINGS_SECTION] : undefined;
      this.global = normalizeSettings(section);
    }
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
