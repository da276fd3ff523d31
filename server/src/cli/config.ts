// `--config FILE`: `{rules: {code: severity|off}}` in YAML or JSON. Mistakes are named precisely,
// because a typo in a rule code would otherwise silently do nothing.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { RuleSettings, SeveritySetting } from '../engine';
import { CliError } from './errors';
import { errnoText } from './files';
import { SEVERITY_SETTINGS } from '../shared/severity';


export function loadConfig(file: string, knownCodes: ReadonlySet<string>): RuleSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`config ${file}: ${errnoText(err)}`, 'config');
  }
  return parseConfig(text, file, knownCodes);
}

export function parseConfig(text: string, file: string, knownCodes: ReadonlySet<string>): RuleSettings {
  // JSON is YAML, so one parser reads both.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    throw new CliError(`config ${file}:${at.line}:${at.col}: ${error.message.split('\n')[0]}`, 'config');
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  if (!isRecord(value)) throw new CliError(`config ${file}: expected a mapping with a "rules" key`, 'config');
  const unknownTop = Object.keys(value).filter((k) => k !== 'rules');
  if (unknownTop.length) throw new CliError(`config ${file}: unknown key ${quoteList(unknownTop)} (only "rules" is supported)`, 'config');
  const rules = value.rules ?? {};
  if (!isRecord(rules)) throw new CliError(`config ${file}: "rules" must be a mapping of rule code to severity`, 'config');
  const unknownCodes = Object.keys(rules).filter((code) => !knownCodes.has(code));
  if (unknownCodes.length) {
    throw new CliError(`config ${file}: unknown rule code${unknownCodes.length > 1 ? 's' : ''} ${quoteList(unknownCodes)}; run \`podscope rules\` for the list`, 'config');
  }
  const out: RuleSettings = {};
  for (const [code, severity] of Object.entries(rules)) {
    if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
      throw new CliError(`config ${file}: rules.${code}: ${JSON.stringify(severity)} is not one of ${SEVERITY_SETTINGS.join(', ')}`, 'config');
    }
    out[code] = severity as SeveritySetting;
  }
  return out;
}

function quoteList(items: string[]): string {
  return items.map((i) => JSON.stringify(i)).join(', ');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
