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
}

export interface Analysis {
  uri: string;
  version: number;
  chunks: AnalyzedChunk[];
}

export class Analyzer {
  private readonly byUri = new Map<string, Analysis>();

  constructor(private readonly registry: RuleRegistry) {}

  /** Parses a version once; a repeated call for the same version returns the cached analysis. */
  analyze(uri: string, version: number, text: string): Analysis {
    const previous = this.byUri.get(uri);
    if (previous && previous.version === version) return previous;
    const reusable = new Map<string, AnalyzedChunk>();
    for (const c of previous?.chunks ?? []) reusable.set(c.text, c);
    let documentBase = 0;
    const chunks = splitDocuments(text).map((chunk) => {
      const old = reusable.get(chunk.text);
      const parsed = old ? old.parsed : parseFile(chunk.text);
      const analyzed: AnalyzedChunk = { ...chunk, parsed, documentBase, findings: old?.findings };
      documentBase += documentCount(parsed);
      return analyzed;
    });
    const analysis = { uri, version, chunks };
    this.byUri.set(uri, analysis);
    return analysis;
  }

  get(uri: string): Analysis | undefined {
    return this.byUri.get(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** File-level findings under the given rule settings and Kubernetes version; `key` identifies both. */
  findings(analysis: Analysis, settings: RuleSettings, key: string, kubernetesVersion?: string): Finding[] {
    const out: Finding[] = [];
    for (const chunk of analysis.chunks) {
      const cached = chunk.findings;
      if (!cached || cached.key !== key) {
        chunk.findings = { key, line: chunk.line, list: this.validate(chunk, settings, kubernetesVersion) };
      }
      const { line, list } = chunk.findings!;
      for (const f of list) out.push(shiftFinding(f, chunk.line - line, chunk.documentBase));
    }
    return out;
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
