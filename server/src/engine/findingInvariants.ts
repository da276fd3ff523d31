// What every finding of every rule must satisfy, as one check the tests and the fuzzer share: its
// range (and its fixes' ranges) lie inside the text, and its message prints no JavaScript leftovers.
import { lineCounterOf } from './lines';
import type { Finding, Range } from './types';

/** `undefined`, `NaN` or `[object Object]` outside the quoted values a message cites. */
const LEFTOVER = /\bundefined\b|\bNaN\b|\[object Object\]/;

export function invariantViolations(text: string, findings: readonly Finding[]): string[] {
  const lineLengths = lineLengthsOf(text);
  const out: string[] = [];
  const checkRange = (what: string, r: Range) => {
    const bad = [r.start, r.end].find((p) => !(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lineLengths.length && p.character >= 0 && p.character <= lineLengths[p.line]!));
    if (bad) out.push(`${what}: position ${JSON.stringify(bad)} is outside the text`);
    else if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) out.push(`${what}: range ends before it starts`);
  };
  for (const f of findings) {
    const what = `${f.code} ${JSON.stringify(f.message)}`;
    checkRange(what, f.range);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) checkRange(`${what} fix ${JSON.stringify(fix.title)}`, e.range);
    if (LEFTOVER.test(unquoted(f.message)) || LEFTOVER.test(unquoted(f.path))) out.push(`${what}: message or path prints a JavaScript leftover`);
    if (!['error', 'warning', 'info', 'hint'].includes(f.severity)) out.push(`${what}: severity ${String(f.severity)}`);
  }
  return out;
}

/** Length of each line (without its line end), by the engine's own line counting. */
function lineLengthsOf(text: string): number[] {
  const starts = lineCounterOf(text).lineStarts;
  return starts.map((s, i) => {
    let end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    if (end > s && text[end - 1] === '\n') end--;
    if (end > s && text[end - 1] === '\r') end--;
    return end - s;
  });
}

/** The message with its quoted values (a user's own text) removed. */
function unquoted(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}
