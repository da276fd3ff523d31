// The `podscope.rules` setting's JSON schema for package.json, one property per rule code, so VS
// Code completes codes and flags typos. Generated, like docs/generated/rules.md, from the catalog.
import { SEVERITY_SETTINGS } from '../shared/severity';
import type { RuleInfo } from '../engine';

export function rulesSettingSchema(catalog: readonly RuleInfo[]): Record<string, unknown> {
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    markdownDescription: 'Severity per rule code (`error`, `warning`, `info`, `hint`) or `off` to disable the rule. Codes and defaults: [docs/generated/rules.md](https://github.com/podscope/podscope/blob/main/docs/generated/rules.md).',
    properties: Object.fromEntries(catalog.map((r) => [r.code, {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      markdownDescription: `${r.description} Default: \`${r.severity}\`.`,
    }])),
    additionalProperties: false,
  };
}
