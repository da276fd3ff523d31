// Splits a multi-document YAML file at its `---` lines so an edit re-parses only the document it
// touched. Sound because YAML forbids a `---` line at column 0 inside any scalar ("c-forbidden"),
// so such a line always starts a new document. Directives (`%YAML`) belong to the document after
// them, across the split, so a file with any directive is kept whole.

export interface Chunk {
  text: string;
  /** Offset of the chunk's first character in the file. */
  offset: number;
  /** 0-based line of the chunk's first character; chunks always start at a line start. */
  line: number;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const DIRECTIVE = /^%/m;

export function splitDocuments(text: string): Chunk[] {
  if (DIRECTIVE.test(text)) return [{ text, offset: 0, line: 0 }];
  const starts: number[] = [];
  DOCUMENT_START.lastIndex = 0;
  for (let m = DOCUMENT_START.exec(text); m; m = DOCUMENT_START.exec(text)) starts.push(m.index);
  if (starts[0] !== 0) starts.unshift(0);
  const chunks: Chunk[] = [];
  let line = 0;
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const chunkText = text.slice(offset, end);
    chunks.push({ text: chunkText, offset, line });
    line += countLines(chunkText);
  }
  return chunks;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
