// Lints files: read, validate, and order findings by position so every output format agrees.
import { readFileSync } from 'node:fs';
import { parseFile, validateParsed, type Finding, type ParsedFile, type RuleRegistry, type RuleSettings } from '../engine';
import { CliError } from './errors';
import { errnoText } from './files';

export interface FileResult {
  /** The path as given on the command line (or found under a directory given there). */
  file: string;
  findings: Finding[];
}

/** A second opinion on a parsed file, given the engine's findings (the exact layer); returns the combined list. */
export type Refine = (file: ParsedFile, findings: Finding[]) => Finding[];

export function lintFiles(files: readonly string[], registry: RuleRegistry, settings: RuleSettings, refine?: Refine): FileResult[] {
  return files.map((file) => {
    const parsed = parseFile(readText(file));
    const findings = validateParsed(parsed, registry, { settings });
    return { file, findings: sortFindings(refine ? refine(parsed, findings) : findings) };
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: ${errnoText(err)}`, 'io');
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.range.start.line - b.f.range.start.line || a.f.range.start.character - b.f.range.start.character || a.i - b.i)
    .map(({ f }) => f);
}

export function countBySeverity(results: readonly FileResult[]): Record<Finding['severity'], number> {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return counts;
}
