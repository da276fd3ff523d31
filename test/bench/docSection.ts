// docs/benchmarks.md is shared by every benchmark: each one owns the text between its own begin/end markers and
// rewrites only that, so the hand-written text around the sections, and the other benchmarks' figures, stay.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_DOC = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

export interface Markers { name: string; begin: string; end: string }

/** The marker pair of one section; `writer` is the command that rewrites it (shown in the file). */
export function markers(name: string, writer: string): Markers {
  return { name, begin: `<!-- ${name}:begin (written by ${writer}) -->`, end: `<!-- ${name}:end -->` };
}

/** The section's text between its markers (the markers included), as it is printed and written. */
export function marked(m: Markers, body: string): string {
  return `${m.begin}\n${body.trim()}\n${m.end}`;
}

/**
 * Replaces the marked section (a section not there yet goes at the end of the file). The begin marker is found by its
 * name alone, so a section whose writer was renamed is still replaced, not repeated.
 */
export function writeSection(m: Markers, body: string, doc = BENCH_DOC): void {
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
  const section = marked(m, body);
  const start = current.indexOf(`<!-- ${m.name}:begin`);
  const end = current.indexOf(m.end, start);
  const next = start >= 0 && end > start
    ? current.slice(0, start) + section + current.slice(end + m.end.length)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(doc, next);
  process.stderr.write(`bench: wrote ${section.split('\n')[1] ?? m.begin} into ${doc}\n`);
}
