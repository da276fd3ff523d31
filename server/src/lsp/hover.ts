// Hover on a field name or value: the field's Kubernetes path, type and description.
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { typeLabel, type ResolvedPath, type Schema } from '../engine';
import { formatPath, type PathSeg } from '../engine/path';
import { asMap, getString } from '../engine/yamlNodes';
import { chunkAtLine, shiftRange, type Analysis } from './analysis';
import { rangeAt } from '../engine/parse';
import { nodeAt, type Segment } from './yamlPath';

export function hoverAt(analysis: Analysis, schema: Schema, line: number, character: number): Hover | null {
  const chunk = chunkAtLine(analysis, line);
  if (!chunk) return null;
  const offset = offsetAt(chunk.text, line - chunk.line, character);
  const d = chunk.parsed.documents.find((x) => x.start <= offset && offset <= x.end);
  if (!d) return null;
  const kind = getString(asMap(d.doc.contents, d.doc), 'kind', d.doc);
  const at = nodeAt(d.doc, offset);
  if (!kind || !at) return null;
  const resolved = schema.resolvePath(kind, at.path);
  const text = resolved && describe(k8sPath(schema, kind, at.path), resolved);
  if (!text) return null;
  const range = (at.node as { range?: [number, number, number] }).range;
  return {
    contents: { kind: MarkupKind.Markdown, value: text },
    ...(range ? { range: shiftRange(rangeAt(chunk.parsed.lineCounter, range[0], range[1]), chunk.line) } : {}),
  };
}

/** Map keys print as `[key]` in Kubernetes paths (`metadata.labels[app]`), fields as `.name`. */
function k8sPath(schema: Schema, kind: string, path: Segment[]): PathSeg[] {
  return path.map((seg, i) => (typeof seg === 'string' && schema.resolvePath(kind, path.slice(0, i))?.type.kind === 'map' ? { key: seg } : seg));
}

function describe(path: PathSeg[], r: ResolvedPath): string | undefined {
  const field = r.field;
  if (!field) return undefined;
  const lines = [`\`${formatPath(path)}\`: ${typeLabel(r.type)}${field.required ? ' (required)' : ''}`];
  const description = r.objectType && !field.description ? r.objectType.description : field.description;
  if (description) lines.push(description);
  if (r.type.enum) lines.push(`Values: ${r.type.enum.map((v) => `\`${v}\``).join(', ')}`);
  return lines.join('\n\n');
}

/** Offset of a 0-based line/character in text (characters counted in UTF-16 units, as LSP does). */
export function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + character, lineEnd < 0 ? text.length : lineEnd);
}
