// Maps a field path as the API server prints it (`spec.containers[0].ports[1].name`, `metadata.labels[app]`,
// `spec.template.spec.nodeSelector[kubernetes.io/os]`) back to where it is in a manifest's YAML.
import { isCollection, isScalar, type Document, type Node } from 'yaml';
import { asMap, asSeq, getPair } from './yamlNodes';

export type FieldSegment = string | number;

/** `a.b[0][key.with.dots]` → ['a', 'b', 0, 'key.with.dots']; bracketed digits are indexes. */
export function parseFieldPath(path: string): FieldSegment[] {
  const out: FieldSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const close = path.indexOf(']', i);
      const inner = close < 0 ? path.slice(i + 1) : path.slice(i + 1, close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}

export interface SourceRange {
  start: number;
  end: number;
  /** True when the whole path was found; false when it points at the nearest existing parent (e.g. a missing field). */
  exact: boolean;
}

/**
 * Where `path` is in `doc`: a scalar's value, or the key of a map/list (so a whole block is not painted red).
 * A path that is not (fully) in the document falls back to its deepest existing parent's key, then to the top.
 * `prefer: 'key'` marks the key even for a scalar (an unknown field is wrong by its name, not its value).
 */
export function rangeOfFieldPath(doc: Document, path: string | FieldSegment[], prefer: 'auto' | 'key' = 'auto'): SourceRange {
  const segments = typeof path === 'string' ? parseFieldPath(path) : path;
  let node: Node | undefined = doc.contents ?? undefined;
  let key: Node | undefined;
  let found = 0;
  for (const seg of segments) {
    const next = step(doc, node, seg);
    if (!next) break;
    node = next.value;
    key = next.key ?? key;
    found++;
  }
  const exact = found === segments.length;
  const valueFirst = exact && prefer === 'auto' && node && isScalar(node);
  // A list item that is a map (`ports[1]`) has no key of its own: its first key marks it.
  const itemKey = exact && typeof segments.at(-1) === 'number' ? (asMap(node, doc)?.items[0]?.key as Node | undefined) : undefined;
  const target = valueFirst ? node : itemKey ?? key ?? (node && !isCollection(node) ? node : undefined);
  const span = target?.range ?? topRange(doc);
  return { start: span[0], end: span[1], exact };
}

function step(doc: Document, node: Node | undefined, seg: FieldSegment): { key?: Node; value: Node | undefined } | undefined {
  if (typeof seg === 'number') {
    const seq = asSeq(node, doc);
    const item = seq?.items[seg] as Node | undefined;
    return item === undefined ? undefined : { value: item };
  }
  const pair = getPair(asMap(node, doc), seg);
  if (!pair) return undefined;
  return { key: pair.key as Node, value: (pair.value as Node | null) ?? undefined };
}

/** The document's first key, or its start, for findings about the object as a whole. */
function topRange(doc: Document): [number, number] {
  const map = asMap(doc.contents, doc);
  const kind = getPair(map, 'kind')?.value as Node | undefined;
  const first = kind?.range ?? (map?.items[0]?.key as Node | undefined)?.range ?? doc.contents?.range ?? doc.range ?? [0, 0];
  return [first[0], first[1]];
}
