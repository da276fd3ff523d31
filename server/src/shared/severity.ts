// Severities, once for every bundle: the engine's findings, the LSP's and CLI's settings checks, the settings schema
// in package.json and the client all read this list.
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a user may set per rule: a severity, or `off` to disable the rule. */
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
