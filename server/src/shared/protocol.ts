// Types shared by the language client and server. The client imports types only (`import type`),
// so nothing here may need a runtime value from the server bundle.
import type { RuleSettings } from '../engine/types';
import type { SeveritySetting } from './severity';

/** The configuration section the server pulls per document (`workspace/configuration`). */
export type SettingsSection = 'podscope';

/** `podscope.*` settings as the server uses them, after defaults are applied. */
export interface PodscopeSettings {
  /** Per-rule severity overrides, keyed by rule code. */
  rules: RuleSettings;
  validate: {
    /** When false the server publishes no diagnostics (completion and hover still work). */
    enable: boolean;
    /** A document longer than this many KB (of characters) gets one `file-too-large` finding instead of a check. */
    maxFileSizeKB: number;
  };
  /** `auto` (the current context's cluster, else the newest bundled) or a minor such as `1.35`. */
  kubernetesVersion: string;
  exact: {
    /** kube-apiserver's own validation, from a WebAssembly module, beside the engine's rules. */
    enable: boolean;
    /** Feature gates to turn on or off, as the API server's `--feature-gates`. */
    featureGates: Record<string, boolean>;
  };
}

/** Client → server: the Kubernetes version of the explorer's current context (undefined when none answers). */
export const CLUSTER_VERSION_NOTIFICATION = 'podscope/clusterVersion';
export interface ClusterVersionParams {
  gitVersion?: string;
}

/** Server → client: which Kubernetes version a document was checked against, for the status bar. */
export const EXACT_STATUS_NOTIFICATION = 'podscope/exactStatus';
export interface ExactStatusParams {
  uri: string;
  /** `v1.36.1`, or undefined when the engine checked alone. */
  version?: string;
  state: 'loading' | 'ready' | 'unavailable' | 'off';
  /** Why this version, or why none. */
  reason: string;
}

export type { RuleSettings, SeveritySetting };
