// The one line counter of Podscope: the CLI's line:column and the editor's positions come from here.
// Line ends are the LSP's (and VS Code's): LF, CRLF and a bare CR; U+2028/U+2029 are not line ends.
// The `yaml` parser itself breaks lines only at LF, so its own counter would put every finding after
// a bare CR on the wrong line.
import { LineCounter } from 'yaml';

/** A LineCounter that knows its text, so positions can be kept inside it. */
export class TextLineCounter extends LineCounter {
  constructor(readonly text: string) {
    super();
  }

  /** The offset moved into the text, and off the LF of a CRLF (no editor position lies between the two). */
  clamp(offset: number): number {
    let o = Number.isFinite(offset) ? Math.min(Math.max(0, offset), this.text.length) : 0;
    if (o > 0 && this.text.charCodeAt(o) === 0x0a && this.text.charCodeAt(o - 1) === 0x0d) o--;
    return o;
  }
}

export function lineCounterOf(text: string): TextLineCounter {
  const lc = new TextLineCounter(text);
  lc.addNewLine(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) lc.addNewLine(i + 1);
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) lc.addNewLine(i + 1);
  }
  return lc;
}

/** Number of line ends in `text` by the same definition. */
export function countLineEnds(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) n++;
  }
  return n;
}

/** A block collection spans many lines; a squiggle over all of them hides the point, so clip to its first line. */
export function firstLineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  if (nl < 0 || nl >= end) return end;
  let e = nl;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
