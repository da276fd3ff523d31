// The one line counter of Podscope: the CLI's line:column and the editor's positions come from here.
// Line ends are the LSP's (and VS Code's): LF, CRLF and a bare CR; U+2028/U+2029 are not line ends.
// The `yaml` parser itself breaks lines only at LF, so its own counter would put every finding after
// a bare CR on the wrong line.
import { LineCounter } from 'yaml';

/** A LineCounter that also knows its text's length, so positions can be kept inside the text. */
export class TextLineCounter extends LineCounter {
  constructor(readonly textLength: number) {
    super();
  }
}

export function lineCounterOf(text: string): TextLineCounter {
  const lc = new TextLineCounter(text.length);
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
