// Text -> YAML documents with source positions. All syntax errors are kept, not just the first.
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { findDuplicateKeys } from './duplicateKeys';
import { formatPath } from './path';
import type { Finding, Position, Range } from './types';
import { nodeSpan } from './yamlNodes';

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
    // YAML 1.2 on purpose: go-yaml v2 (kubectl) reads a few plain scalars by 1.1 rules, but not all of
    // them (no sexagesimal), so rules that care read scalars through rules/schema/kubectlScalar.ts.
    // Duplicate keys are judged in duplicateKeys.ts, which can tell a harmless repeat from a lost value.
    uniqueKeys: false,
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
  const duplicates = findDuplicateKeys(d.doc).map((dup): Finding => {
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
  return [...errors, ...duplicates];
}

function firstLine(msg: string): string {
  const i = msg.indexOf('\n');
  return (i < 0 ? msg : msg.slice(0, i)).trim();
}
