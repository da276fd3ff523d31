// Text -> YAML documents with source positions. All syntax errors are kept, not just the first.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Finding, Position, Range } from './types';

export interface ParsedDocument {
  index: number;
  doc: Document.Parsed;
  /** Source offsets of this document within the file. */
  start: number;
  end: number;
}

export interface ParsedFile {
  text: string;
  lineCounter: LineCounter;
  documents: ParsedDocument[];
}

export function parseFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    keepSourceTokens: false,
    strict: true,
    intAsBigInt: false,
  });
  // parseAllDocuments returns an EmptyStream (array-like) for empty input.
  const list = Array.isArray(docs) ? docs : [];
  const documents = list.map((doc, index) => ({
    index,
    doc,
    start: doc.range?.[0] ?? 0,
    end: doc.range?.[2] ?? text.length,
  }));
  return { text, lineCounter, documents };
}

export function positionAt(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(offset);
  return { line: p.line - 1, character: p.col - 1 };
}

export function rangeAt(lc: LineCounter, start: number, end: number): Range {
  return { start: positionAt(lc, start), end: positionAt(lc, Math.max(start, end)) };
}

/** YAML errors of one document as findings (code `yaml-syntax`, or `yaml-duplicate-key`). */
export function syntaxFindings(file: ParsedFile, d: ParsedDocument): Finding[] {
  return d.doc.errors.map((e) => {
    const [s, en] = e.pos;
    const duplicate = e.code === 'DUPLICATE_KEY';
    return {
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: firstLine(e.message),
      path: '',
      document: d.index,
      range: rangeAt(file.lineCounter, s, en > s ? en : s + 1),
    } satisfies Finding;
  });
}

function firstLine(msg: string): string {
  const i = msg.indexOf('\n');
  return (i < 0 ? msg : msg.slice(0, i)).trim();
}
