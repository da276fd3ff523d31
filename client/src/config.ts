// Every `podscope.*` setting, typed, read in one place. Declared in package.json `contributes.configuration`; a unit
// test keeps the two in agreement (keys, types, defaults). The language server pulls `podscope` per document and gets
// exactly `lspSettings`' shape.
import * as vscode from 'vscode';
import type { PodscopeSettings, RuleSettings } from '../../server/src/shared/protocol';
import { DEFAULT_JSON_KEYS } from './kube/logs/jsonLogLine';
import { logDefaults, type LogDefaults } from './kube/logs/logDefaults';
import { logPresentation, type LogPresentation } from './kube/logs/logPresentation';
import { DEFAULT_POD_COLUMNS, podColumns, type PodColumn } from './kube/tree/podColumns';

export const SECTION = 'podscope';

/** Each setting's key (below `podscope.`), JSON type and default, as package.json declares them. */
export const SETTINGS = {
  'validate.enable': { type: 'boolean', default: true },
  'validate.maxFileSizeKB': { type: 'number', default: 4096 },
  rules: { type: 'object', default: {} },
  'trace.server': { type: 'string', default: 'off' },
  kubeconfig: { type: 'string', default: '' },
  'explorer.requestTimeoutSeconds': { type: 'number', default: 15 },
  'explorer.podDescription': { type: 'array', default: DEFAULT_POD_COLUMNS },
  'metrics.refreshSeconds': { type: 'number', default: 15 },
  shell: { type: 'string', default: '' },
  'debug.image': { type: 'string', default: 'busybox:1.36' },
  'portForward.address': { type: 'string', default: '127.0.0.1' },
  'logs.follow': { type: 'boolean', default: true },
  'logs.timestamps': { type: 'boolean', default: false },
  'logs.tailLines': { type: 'integer', default: 1000 },
  'logs.since': { type: 'string', default: '' },
  'logs.maxLines': { type: 'integer', default: 100000 },
  'logs.maxLogRequests': { type: 'integer', default: 5 },
  'logs.render': { type: 'string', default: 'pretty' },
  'logs.level': { type: 'string', default: 'all' },
  'logs.jsonMessageKeys': { type: 'array', default: DEFAULT_JSON_KEYS.message },
  'logs.jsonLevelKeys': { type: 'array', default: DEFAULT_JSON_KEYS.level },
  'logs.jsonTimeKeys': { type: 'array', default: DEFAULT_JSON_KEYS.time },
  'logs.jsonFields': { type: 'array', default: DEFAULT_JSON_KEYS.fields },
  'dryRun.confirmSensitive': { type: 'boolean', default: true },
  'manifest.codeLens': { type: 'boolean', default: true },
  kubernetesVersion: { type: 'string', default: 'auto' },
  'exact.enable': { type: 'boolean', default: true },
  'exact.featureGates': { type: 'object', default: {} },
} as const;

export type SettingKey = keyof typeof SETTINGS;

/**
 * Settings whose change takes a restart of a part to apply: the explorer re-reads the kubeconfig and re-lists.
 * The rest are read when used (the language server pulls its own on change; `trace.server` is the language client's).
 */
export const EXPLORER_RELOAD_SETTINGS: readonly SettingKey[] = ['kubeconfig', 'explorer.requestTimeoutSeconds'];

export class Config {
  constructor(private readonly scope?: vscode.Uri) {}

  /** Paths of kubeconfig files (the OS path-list separator between several); empty = $KUBECONFIG or ~/.kube/config. */
  get kubeconfig(): string {
    return this.get('kubeconfig');
  }

  /** How long any single cluster request may take before it fails as a timeout. */
  get requestTimeoutMs(): number {
    return Math.max(1, this.get('explorer.requestTimeoutSeconds')) * 1000;
  }

  /** What pod rows show after the status, in this order (kubectl's READY, RESTARTS, AGE and -o wide's NODE, IP). */
  get podDescription(): PodColumn[] {
    return podColumns(this.get('explorer.podDescription'));
  }

  /** How often pod metrics are re-read while the Pods view is visible; 0 = never (no metrics shown). */
  get metricsRefreshMs(): number {
    const seconds = this.get('metrics.refreshSeconds');
    return seconds > 0 ? Math.max(1, seconds) * 1000 : 0;
  }

  /** The exec terminal's command; empty = chosen by the pod's OS. */
  get shell(): string {
    return this.get('shell');
  }

  /** The image "Debug Container…" offers first. */
  get debugImage(): string {
    return this.get('debug.image').trim() || SETTINGS['debug.image'].default;
  }

  /** The local address port forwards listen on; anything but loopback exposes the pod to the network. */
  get forwardAddress(): string {
    return this.get('portForward.address').trim() || SETTINGS['portForward.address'].default;
  }

  get logDefaults(): LogDefaults {
    return logDefaults({
      follow: this.get('logs.follow'),
      timestamps: this.get('logs.timestamps'),
      tailLines: this.get('logs.tailLines'),
      since: this.get('logs.since'),
      maxLines: this.get('logs.maxLines'),
      maxLogRequests: this.get('logs.maxLogRequests'),
    });
  }

  /** How log views show JSON records and which levels they keep. */
  get logPresentation(): LogPresentation {
    return logPresentation({
      render: this.get('logs.render'),
      level: this.get('logs.level'),
      message: this.get('logs.jsonMessageKeys'),
      levelKeys: this.get('logs.jsonLevelKeys'),
      time: this.get('logs.jsonTimeKeys'),
      fields: this.get('logs.jsonFields'),
    });
  }

  /** Ask before a dry run sends Secrets or cluster-scoped objects (once per file). */
  get confirmSensitiveDryRun(): boolean {
    return this.get('dryRun.confirmSensitive');
  }

  /** Apply and Check Pod Update as code lenses above each Kubernetes object. */
  get manifestCodeLens(): boolean {
    return this.get('manifest.codeLens');
  }

  /** What the language server receives for `workspace/configuration` of section `podscope`. */
  get lspSettings(): PodscopeSettings {
    return {
      rules: this.get('rules') as RuleSettings,
      validate: { enable: this.get('validate.enable'), maxFileSizeKB: this.get('validate.maxFileSizeKB') },
      kubernetesVersion: this.get('kubernetesVersion'),
      exact: { enable: this.get('exact.enable'), featureGates: this.get('exact.featureGates') as Record<string, boolean> },
    };
  }

  static changesMetricsRefresh(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${SECTION}.metrics.refreshSeconds`);
  }

  static changesPodDescription(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${SECTION}.explorer.podDescription`);
  }

  /** True when the change event touches a setting that reloads the explorer. */
  static reloadsExplorer(e: vscode.ConfigurationChangeEvent): boolean {
    return EXPLORER_RELOAD_SETTINGS.some((key) => e.affectsConfiguration(`${SECTION}.${key}`));
  }

  private get<K extends SettingKey>(key: K): Widen<(typeof SETTINGS)[K]['default']> {
    const value = vscode.workspace.getConfiguration(SECTION, this.scope).get<Widen<(typeof SETTINGS)[K]['default']>>(key);
    return value ?? (SETTINGS[key].default as Widen<(typeof SETTINGS)[K]['default']>);
  }
}

type Widen<T> = T extends boolean ? boolean : T extends number ? number : T extends string ? string : T;
