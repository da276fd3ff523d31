// `podscope rules`: the catalog as a table, as JSON, or as the Markdown page docs/generated/rules.md.
import { SCHEMA_VERSIONS, type RuleInfo } from '../engine';

export function rulesText(catalog: readonly RuleInfo[]): string {
  const width = Math.max(...catalog.map((r) => r.code.length));
  return `${catalog.map((r) => `${r.code.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(7)}  ${r.description}`).join('\n')}\n`;
}

export function rulesJson(catalog: readonly RuleInfo[]): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

const CATEGORY_TITLES: Record<string, string> = {
  syntax: 'YAML syntax',
  schema: `Schema (Kubernetes ${[...SCHEMA_VERSIONS].reverse().join(', ')})`,
  api: 'API server validation',
  runtime: 'Run-time warnings',
};

export function rulesMarkdown(catalog: readonly RuleInfo[]): string {
  const out = [
    '# Podscope rules',
    '',
    '<!-- Generated from the rule registry by `npm run gen:rules` (`podscope rules --format markdown`). Do not edit by hand. -->',
    '',
    'Every finding carries one of these codes. Change a rule\'s severity, or turn it off, with the VS Code',
    'setting `podscope.rules` (e.g. `"podscope.rules": {"resources-missing": "off"}`) or the CLI\'s `--config` file.',
    '',
    '| Code | Default | Category | Checks |',
    '| --- | --- | --- | --- |',
    ...catalog.map((r) => `| [\`${r.code}\`](#${r.code}) | ${r.severity} | ${r.category} | ${escapeCell(r.description)} |`),
  ];
  for (const category of [...new Set(catalog.map((r) => r.category))]) {
    out.push('', `## ${CATEGORY_TITLES[category] ?? category}`);
    for (const r of catalog.filter((x) => x.category === category)) out.push('', ...ruleSection(r));
  }
  return `${out.join('\n')}\n`;
}

function ruleSection(r: RuleInfo): string[] {
  const out = [`### ${r.code}`, '', r.description, ''];
  if (r.why) out.push(r.why, '');
  out.push(`**Fix:** ${r.remediation}`, '', `Default severity: **${r.severity}**. Reference: <${r.docUrl}>`);
  if (r.examples) {
    out.push('', `Raises \`${r.code}\`:`, '', ...yamlBlock(r.examples.bad), '', 'Fixed:', '', ...yamlBlock(r.examples.good));
  }
  return out;
}

function yamlBlock(text: string): string[] {
  return ['```yaml', text.replace(/\n$/, ''), '```'];
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
