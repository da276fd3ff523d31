// Maps a field path as the API server prints it back to the YAML it came from: the one mapper for the
// dry run's errors and the exact validator's. Every path form the API server reports: list items
// (`ports[1]`), map keys (`limits[memory]`, keys with dots and slashes: `nodeSelector[kubernetes.io/os]`),
// strict-decoding paths, and the index-free paths of Go's JSON errors (`spec.containers.ports.containerPort`).
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { asMap, asSeq, getPair } from './yamlNodes';

export type ApiSegment = string | number;

/** `a.b[0][key.with.dots]` → ['a', 'b', 0, 'key.with.dots']; bracketed digits are indexes. */
export function parseApiPath(path: string): ApiSegment[] {
  const out: ApiSegment[] = [];
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

export interface ApiPathSpan {
  start: number;
  end: number;
  /** False when the path is not (fully) in the source and the span marks its nearest existing parent. */
  exact: boolean;
}

/**
 * Where `path` is in `doc`: a scalar's value; the key of a map or list (a block is not painted
 * whole); a map key (`labels[app]`) by its key; a list item that is a map by its first key. A
 * path not fully in the document (a required field that is missing) marks its deepest existing
 * parent's key; `prefer: 'key'` marks the key even of a scalar (an unknown field is wrong by name).
 */
export function spanOfApiPath(doc: Document, path: string | readonly ApiSegment[], prefer: 'auto' | 'key' = 'auto'): ApiPathSpan {
  const segments = typeof path === 'string' ? parseApiPath(path) : path;
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
  const last = segments.at(-1);
  let target: Node | undefined;
  if (exact && typeof last === 'number') {
    // A list item: a map item is marked by its first key, a scalar item by itself.
    target = isMap(node) ? (node.items[0]?.key as Node | undefined) ?? node : node;
  } else if (exact && prefer === 'auto' && isScalar(node) && node.range) {
    target = node;
  } else {
    target = key ?? (node && !isMap(node) && !isSeq(node) ? node : undefined);
  }
  const span = target?.range ?? topSpan(doc);
  return { start: span[0], end: span[1], exact };
}

function step(doc: Document, node: Node | undefined, seg: ApiSegment): { key?: Node; value: Node | undefined } | undefined {
  if (typeof seg === 'number') {
    const item = asSeq(node, doc)?.items[seg] as Node | undefined;
    return item === undefined ? undefined : { value: item };
  }
  const pair = getPair(asMap(node, doc), seg);
  if (!pair) return undefined;
  return { key: pair.key as Node, value: (pair.value as Node | null) ?? undefined };
}

/**
 * Go's JSON type errors name the path without list indexes (`spec.containers.ports.containerPort`):
 * the first occurrence, in source order, whose value `matches` (e.g. is a string where a number
 * belongs) gives the concrete path.
 */
export function resolveUnindexed(doc: Document, names: readonly string[], matches: (value: Node | undefined) => boolean): ApiSegment[] | undefined {
  const walk = (node: Node | undefined, i: number, path: ApiSegment[]): ApiSegment[] | undefined => {
    if (i === names.length) return matches(node) ? path : undefined;
    const seq = asSeq(node, doc);
    if (seq) {
      for (let k = 0; k < seq.items.length; k++) {
        const hit = walk(seq.items[k] as Node | undefined, i, [...path, k]);
        if (hit) return hit;
      }
      return undefined;
    }
    const pair = getPair(asMap(node, doc), names[i]!);
    return pair ? walk((pair.value as Node | null) ?? undefined, i + 1, [...path, names[i]!]) : undefined;
  };
  return walk(doc.contents ?? undefined, 0, []);
}

/** The document's `kind` value, else its first key, for findings about the object as a whole. */
export function topSpan(doc: Document): [number, number] {
  const map = asMap(doc.contents, doc);
  const kind = getPair(map, 'kind')?.value as Node | undefined;
  const first = kind?.range ?? (map?.items[0]?.key as Node | undefined)?.range ?? doc.contents?.range ?? doc.range ?? [0, 0];
  return [first[0], first[1]];
}

/** The names the dry run has used since before the exact validator shared this mapper. */
export type FieldSegment = ApiSegment;
export type SourceRange = ApiPathSpan;
export const parseFieldPath = parseApiPath;
export const rangeOfFieldPath = spanOfApiPath;
