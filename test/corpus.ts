// The shared real-world corpus (../shared/corpus beside the project; never copied into it), as the
// tests that guard against false positives read it: where it is, which files exist, which must be clean.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS = process.env.PODSCOPE_CORPUS ?? resolve(__dirname, '..', '..', 'shared', 'corpus');

/** Why corpus tests skip, or undefined when the corpus is there. */
export function corpusSkipReason(): string | undefined {
  return existsSync(join(CORPUS, 'INDEX.tsv')) ? undefined : `no corpus at ${CORPUS} (set PODSCOPE_CORPUS to its folder)`;
}

/** Notes that, per the corpus README, mark a file that may rightly get errors or warnings. */
const MAY_FAIL = ['placeholder', 'yaml-parse-error', 'invalid-field', 'deprecated-apiVersion', 'PodPreset', 'federation', 'older docs revision'];

export interface CorpusFile {
  /** Relative to CORPUS, as INDEX.tsv names it. */
  file: string;
  notes: string;
  /** The README says a linter that agrees with the API server reports no error here. */
  mustBeClean: boolean;
}

export function corpusFiles(): CorpusFile[] {
  const rows = readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n');
  const header = rows[0]!.split('\t');
  const fileCol = header.indexOf('local_file');
  const notesCol = header.indexOf('notes');
  if (fileCol < 0 || notesCol < 0) throw new Error(`${join(CORPUS, 'INDEX.tsv')} has no local_file and notes columns`);
  return rows.slice(1).map((r) => r.split('\t')).map((cols) => {
    const notes = cols[notesCol] ?? '';
    return { file: cols[fileCol]!, notes, mustBeClean: !MAY_FAIL.some((m) => notes.includes(m)) };
  });
}

export function readCorpusFile(file: string): string {
  return readFileSync(join(CORPUS, file), 'utf8');
}
