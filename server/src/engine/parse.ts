// Text -> YAML documents with source positions, decoded as kubectl decodes them (kubectlDecode.ts).
// All syntax errors are kept, not just the first. Text nested too deeply for the parser's recursion
// is refused before parsing (nestingGuard.ts), with one error at the place.
import { LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { findDuplicateKeys, type DuplicateKey } from './duplicateKeys';
import { decodeAsKubectl, type DecodeProblem } from './kubectlDecode';
import { lineCounterOf, TextLineCounter } from './lines';
import { findDeepNesting } from './nestingGuard';
import { formatPath } from './path';
import type { Finding, Position, Range } from './types';
import { nodeSpan } from './yamlNodes';

export interface ParsedDocument {
  index: number;
  doc: Document.Parsed;
  /** Source offsets of this document within the file. */
  start: number;
  end: number;
  /** Found before merge keys were merged, so a repeated key is seen where it was written. */
  duplicates: DuplicateKey[];
  /** What kubectl could not decode: unknown anchors, mapping keys, bad merges. */
  problems: DecodeProblem[];
  /** Set when the document's aliases expand past the limit; such a document is not checked. */
  aliasBomb?: Node;
}

export interface ParsedFile {
  text: string;
  lineCounter: LineCounter;
  documents: ParsedDocument[];
  /** Set when the text was not parsed at all (too deeply nested): where and why. */
  refused?: { offset: number; message: string };
}

export function parseFile(text: string): ParsedFile {
  const lineCounter = lineCounterOf(text);
  const deep = findDeepNesting(text);
  if (deep) {
    return { text, lineCounter, documents: [], refused: { offset: deep.offset, message: `nesting deeper than ${deep.limit} levels: the document is not parsed (Kubernetes objects nest about 20)` } };
  }
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parse(text);
  } catch (err) {
    // The guard over-approximates the depth; should the parser still run out of stack, say so the same way.
    if (!(err instanceof RangeError)) throw err;
    return { text, lineCounter, documents: [], refused: { offset: 0, message: 'nesting too deep for the YAML parser: the document is not parsed' } };
  }
  // parseAllDocuments returns an EmptyStream (array-like) for empty input.
  const list = (Array.isArray(docs) ? docs : []) as Document.Parsed[];
  const documents = list.map((doc, index): ParsedDocument => {
    const duplicates = findDuplicateKeys(doc);
    const decoded = decodeAsKubectl(doc, text.slice(doc.range?.[0] ?? 0, doc.range?.[2] ?? text.length));
    return {
      index,
      doc,
      start: doc.range?.[0] ?? 0,
      end: doc.range?.[2] ?? text.length,
      duplicates,
      problems: decoded.problems,
      ...(decoded.aliasBomb ? { aliasBomb: decoded.aliasBomb } : {}),
    };
  });
  return { text, lineCounter, documents };
}

function parse(text: string): ReturnType<typeof parseAllDocuments> {
  return parseAllDocuments(text, {
    // YAML 1.2 on purpose: go-yaml v2 (kubectl) reads a few plain scalars by 1.1 rules, but not all of
    // them (no sexagesimal), so rules that care read scalars through rules/schema/kubectlScalar.ts.
    // Duplicate keys are judged in duplicateKeys.ts, which can tell a harmless repeat from a lost value.
    uniqueKeys: false,
    prettyErrors: false,
    keepSourceTokens: false,
    strict: true,
    intAsBigInt: false,
  });
}

/** A view of a parsed chunk whose positions are file lines: the chunk starts at 0-based line `line`. */
export function atLine(file: ParsedFile, line: number): ParsedFile {
  if (line === 0) return file;
  const lc = file.lineCounter;
  const shifted = Object.create(lc) as LineCounter;
  shifted.linePos = (offset: number) => {
    const p = lc.linePos(offset);
    return { line: p.line + line, col: p.col };
  };
  return { ...file, lineCounter: shifted };
}

export function positionAt(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(clamp(lc, offset));
  return { line: p.line - 1, character: p.col - 1 };
}

/** Offsets are clamped into the text, so no range can end past the end of its document. */
export function rangeAt(lc: LineCounter, start: number, end: number): Range {
  const s = clamp(lc, start);
  return { start: positionAt(lc, s), end: positionAt(lc, Math.max(s, clamp(lc, end))) };
}

function clamp(lc: LineCounter, offset: number): number {
  // atLine's views inherit clamp from the chunk's own counter.
  if (lc instanceof TextLineCounter) return lc.clamp(offset);
  return Number.isFinite(offset) ? Math.max(0, offset) : 0;
}

/** YAML errors of one document as findings (`yaml-syntax`, `yaml-escape`, `yaml-duplicate-key`). */
export function syntaxFindings(file: ParsedFile, d: ParsedDocument): Finding[] {
  const errors = d.doc.errors.map((e): Finding => {
    const [s, en] = e.pos;
    const range = rangeAt(file.lineCounter, s, en > s ? en : s + 1);
    // go-yaml (kubectl) accepts `\'` inside double quotes; YAML forbids it. Not fatal for the cluster.
    if (e.code === 'BAD_DQ_ESCAPE' && file.text.startsWith("\\'", s)) {
      return { code: 'yaml-escape', severity: 'warning', path: '', document: d.index, range,
        message: "Invalid escape sequence \\' in a double-quoted string: kubectl accepts it, other YAML tools reject it; write ' or use single quotes" };
    }
    return { code: 'yaml-syntax', severity: 'error', message: firstLine(e.message), path: '', document: d.index, range };
  });
  const problems = d.problems.map((p): Finding => ({
    code: 'yaml-syntax', severity: 'error', message: p.message, path: '', document: d.index,
    range: rangeAt(file.lineCounter, p.span[0], p.span[1] > p.span[0] ? p.span[1] : p.span[0] + 1),
  }));
  const duplicates = d.duplicates.map((dup): Finding => {
    const span = nodeSpan(dup.pair.key) ?? [d.start, d.start + 1];
    const name = formatPath(dup.path);
    return {
      code: 'yaml-duplicate-key',
      severity: dup.sameValue ? 'warning' : 'error',
      path: name,
      document: d.index,
      range: rangeAt(file.lineCounter, span[0], span[1]),
      message: dup.sameValue
        ? `duplicate field "${name}": repeats an earlier key with the same value`
        : `duplicate field "${name}": kubectl keeps this value and silently drops the earlier one`,
    };
  });
  return [...errors, ...problems, ...duplicates];
}

function firstLine(msg: string): string {
  const i = msg.indexOf('\n');
  return (i < 0 ? msg : msg.slice(0, i)).trim();
}
