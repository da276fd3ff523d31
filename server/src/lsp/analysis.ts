// One analysis per document version: its chunks parsed once, findings computed once per settings.
// An edit to one document of a 200-document file re-parses and re-validates only that document;
// the others are reused by text, and their findings are shifted to their new line and index.
import { atLine, documentCount, parseFile, validateParsed, type Finding, type ParsedFile, type Position, type Range, type RuleRegistry, type RuleSettings } from '../engine';
import { splitDocuments, type Chunk } from './documentChunks';

export interface AnalyzedChunk extends Chunk {
  parsed: ParsedFile;
  /** Index of the chunk's first YAML document in the whole file. */
  documentBase: number;
  /** Findings computed with the chunk starting at line `line` (file positions, chunk-relative document indexes). */
  findings?: { key: string; line: number; list: Finding[] };
  /** `findings` moved to the chunk's `line` and `documentBase` as they were when computed: an edit elsewhere leaves most chunks where they were. */
  placed?: { from: NonNullable<AnalyzedChunk['findings']>; line: number; documentBase: number; list: Finding[] };
}

export interface Analysis {
  uri: string;
  version: number;
  chunks: AnalyzedChunk[];
}

/** A version being analyzed a slice at a time (a large file just opened): the chunks done so far. */
interface InProgress {
  version: number;
  split: Chunk[];
  done: AnalyzedChunk[];
  documentBase: number;
  reusable: Map<string, AnalyzedChunk>;
}

export class Analyzer {
  private readonly byUri = new Map<string, Analysis>();
  private readonly inProgress = new Map<string, InProgress>();

  constructor(private readonly registry: RuleRegistry) {}

  /** Parses a version once; a repeated call for the same version returns the cached analysis. */
  analyze(uri: string, version: number, text: string): Analysis {
    return this.analyzeUntil(uri, version, text, Infinity).analysis;
  }

  /**
   * Parses the version's chunks in file order until `performance.now()` passes `deadline` (at least
   * one per call), keeping what is done for the next call: the analysis of the chunks parsed so far,
   * `complete` when none is left. A call for another version starts over, reusing the chunks
   * already parsed by text.
   */
  analyzeUntil(uri: string, version: number, text: string, deadline: number): { analysis: Analysis; complete: boolean } {
    const previous = this.byUri.get(uri);
    if (previous && previous.version === version) return { analysis: previous, complete: true };
    let progress = this.inProgress.get(uri);
    if (!progress || progress.version !== version) {
      const reusable = new Map<string, AnalyzedChunk>();
      for (const c of previous?.chunks ?? []) reusable.set(c.text, c);
      for (const c of progress?.done ?? []) reusable.set(c.text, c);
      progress = { version, split: splitDocuments(text), done: [], documentBase: 0, reusable };
      this.inProgress.set(uri, progress);
    }
    const { split, done, reusable } = progress;
    while (done.length < split.length) {
      const chunk = split[done.length]!;
      const old = reusable.get(chunk.text);
      const parsed = old ? old.parsed : parseFile(chunk.text);
      done.push({ ...chunk, parsed, documentBase: progress.documentBase, findings: old?.findings, placed: old?.placed });
      progress.documentBase += documentCount(parsed);
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    if (done.length < split.length) return { analysis: { uri, version, chunks: done.slice() }, complete: false };
    const analysis = { uri, version, chunks: done };
    this.inProgress.delete(uri);
    this.byUri.set(uri, analysis);
    return { analysis, complete: true };
  }

  get(uri: string): Analysis | undefined {
    return this.byUri.get(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.inProgress.delete(uri);
  }

  /** File-level findings under the given rule settings and Kubernetes version; `key` identifies both. */
  findings(analysis: Analysis, settings: RuleSettings, key: string, kubernetesVersion?: string): Finding[] {
    const out: Finding[] = [];
    for (const chunk of analysis.chunks) {
      const cached = chunk.findings;
      if (!cached || cached.key !== key) {
        chunk.findings = { key, line: chunk.line, list: this.validate(chunk, settings, kubernetesVersion) };
      }
      const placed = this.placed(chunk);
      for (const f of placed) out.push(f);
    }
    return out;
  }

  private placed(chunk: AnalyzedChunk): Finding[] {
    const from = chunk.findings!;
    const cached = chunk.placed;
    if (cached && cached.from === from && cached.line === chunk.line && cached.documentBase === chunk.documentBase) return cached.list;
    const list = from.list.map((f) => shiftFinding(f, chunk.line - from.line, chunk.documentBase));
    chunk.placed = { from, line: chunk.line, documentBase: chunk.documentBase, list };
    return list;
  }

  /** Validates a chunk as the part of the file it is: positions are file lines. */
  private validate(chunk: AnalyzedChunk, settings: RuleSettings, kubernetesVersion?: string): Finding[] {
    return validateParsed(atLine(chunk.parsed, chunk.line), this.registry, { settings, ...(kubernetesVersion ? { kubernetesVersion } : {}) });
  }
}

function shiftFinding(f: Finding, lines: number, documentBase: number): Finding {
  if (lines === 0 && documentBase === 0) return f;
  const shifted: Finding = { ...f, document: f.document + documentBase, range: shiftRange(f.range, lines) };
  if (f.fixes) {
    shifted.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) }));
  }
  return shifted;
}

export function shiftRange(r: Range, lines: number): Range {
  return { start: shiftPosition(r.start, lines), end: shiftPosition(r.end, lines) };
}

export function shiftPosition(p: Position, lines: number): Position {
  return { line: p.line + lines, character: p.character };
}

/** The chunk holding a 0-based line (the last chunk starting at or before it). */
export function chunkAtLine(analysis: Analysis, line: number): AnalyzedChunk | undefined {
  let lo = 0;
  let hi = analysis.chunks.length - 1;
  let found: AnalyzedChunk | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = analysis.chunks[mid]!;
    if (c.line <= line) { found = c; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}
