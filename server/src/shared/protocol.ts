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
}

export type { RuleSettings, SeveritySetting };
