// The one document splitter: the CLI and the language server both check a file chunk by chunk, so
// one text always gives one answer. A chunk starts at a line (after LF) that begins with `---`
// followed by a space, a tab, a line end or the end of the text — where kubectl's document reader
// (k8s.io/apimachinery util/yaml) and the YAML spec ("c-forbidden": no such line inside any scalar)
// both start a new document, even when an earlier quote or flow collection is still open.
// Directives (`%YAML`) belong to the document after them, across the split, so a file with any
// directive line is kept whole.
import { countLineEnds } from './lines';

export interface Chunk {
  text: string;
  /** Offset of the chunk's first character in the file. */
  offset: number;
  /** 0-based line of the chunk's first character (lines as lines.ts counts them). */
  line: number;
}

export function splitDocuments(text: string): Chunk[] {
  if (hasDirective(text)) return [{ text, offset: 0, line: 0 }];
  const starts = [0];
  for (let i = text.indexOf('---'); i >= 0; i = text.indexOf('---', i + 3)) {
    if (i > 0 && text.charCodeAt(i - 1) === 0x0a && isMarkerEnd(text, i + 3)) starts.push(i);
  }
  const chunks: Chunk[] = [];
  let line = 0;
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const chunkText = text.slice(offset, end);
    chunks.push({ text: chunkText, offset, line });
    line += countLineEnds(chunkText);
  }
  return chunks;
}

function isMarkerEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function hasDirective(text: string): boolean {
  if (text.startsWith('%')) return true;
  return text.includes('\n%');
}
