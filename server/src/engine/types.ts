// Shared shapes of the engine. Positions are LSP-style (0-based line and UTF-16 character)
// so the LSP server, the CLI and SARIF output all use them without conversion.
import type { Severity, SeveritySetting } from '../shared/severity';

export type { Severity, SeveritySetting } from '../shared/severity';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface TextEdit { range: Range; newText: string }
export interface Fix { title: string; edits: TextEdit[] }

export interface Finding {
  /** Stable rule code, e.g. `port-name-invalid`. */
  code: string;
  severity: Severity;
  /** Message body in Kubernetes' own wording, without the field path. */
  message: string;
  /** Field path in Kubernetes notation; "" for YAML syntax errors. */
  path: string;
  /** 0-based index of the YAML document in its file. */
  document: number;
  range: Range;
  fixes?: Fix[];
}

/**
 * A rule's two example manifests, shown in the docs and run by a guard test: `bad` raises the
 * rule's code, `good` is the same manifest fixed and raises nothing.
 */
export interface RuleExamples { bad: string; good: string }

export type RuleCategory = 'syntax' | 'schema' | 'api' | 'runtime';

/** Per-code severity overrides, from VS Code settings or the CLI's config file. */
export type RuleSettings = Record<string, SeveritySetting>;
