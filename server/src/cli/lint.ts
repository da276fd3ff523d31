// Lints files: read, validate, and order findings by position so every output format agrees.
// A file that cannot be read or checked is reported as a finding of its own and the run goes on.
import {
  INTERNAL_ERROR, atLine, documentCount, parseFile, splitDocuments, validateParsed, validateText,
  type Finding, type ParsedFile, type RuleRegistry, type RuleSettings, type ValidateOptions,
} from '../engine';
import { readManifest } from './readManifest';

export interface FileResult {
  /** The path as given on the command line (or found under a directory given there). */
  file: string;
  findings: Finding[];
}

/** The CLI checks files up to this size unless --max-file-size says otherwise; the editor's default is smaller. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** A second opinion on a parsed file, given the engine's findings (the exact layer); returns the combined list. */
export type Refine = (file: ParsedFile, findings: Finding[]) => Finding[];

/** `kubernetesVersion`: the minor whose schema the schema rules use (the engine's default when undefined). */
export function lintFiles(files: readonly string[], registry: RuleRegistry, settings: RuleSettings, maxFileBytes = DEFAULT_MAX_FILE_BYTES, refine?: Refine, kubernetesVersion?: string): FileResult[] {
  const options: ValidateOptions = { settings, ...(kubernetesVersion ? { kubernetesVersion } : {}) };
  return files.map((file) => ({ file, findings: lintFile(file, registry, options, maxFileBytes, refine) }));
}

function lintFile(file: string, registry: RuleRegistry, options: ValidateOptions, maxFileBytes: number, refine?: Refine): Finding[] {
  const read = readManifest(file, maxFileBytes);
  if ('finding' in read) return options.settings?.[read.finding.code] === 'off' ? [] : [read.finding];
  try {
    return sortFindings(refine ? refinedFindings(read.text, registry, options, refine) : validateText(read.text, registry, options));
  } catch (err) {
    // The engine catches rule failures itself; this is the last line, so one file never ends the run.
    return [{
      code: INTERNAL_ERROR.code, severity: 'error', path: '', document: 0,
      message: `Podscope failed to check this file: ${err instanceof Error ? err.message : String(err)}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }];
  }
}

/** validateText's walk over the same documents, with the exact layer's verdict on each one. */
function refinedFindings(text: string, registry: RuleRegistry, options: ValidateOptions, refine: Refine): Finding[] {
  const out: Finding[] = [];
  let documentBase = 0;
  for (const chunk of splitDocuments(text)) {
    const parsed = atLine(parseFile(chunk.text), chunk.line);
    for (const f of refine(parsed, validateParsed(parsed, registry, options))) out.push(documentBase ? { ...f, document: f.document + documentBase } : f);
    documentBase += documentCount(parsed);
  }
  return out;
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
