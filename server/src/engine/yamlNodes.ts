// Small accessors over `yaml` nodes. Rules walk the library's own AST (no second AST), and
// every lookup resolves aliases once, so rules never see an Alias where they expect a value.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';


/** Anchors found once per parse (kubectlDecode.ts); the library's own Alias.resolve searches the whole document each call. */
const aliasTargets = new WeakMap<Alias, Node>();

export function setAliasTarget(alias: Alias, target: Node): void {
  aliasTargets.set(alias, target);
}

export function aliasTargetOf(alias: Alias): Node | undefined {
  return aliasTargets.get(alias);
}

export function resolve(node: unknown, doc?: Document): Node | undefined {
  if (node === null || node === undefined) return undefined;
  if (isAlias(node)) return aliasTargets.get(node) ?? (doc ? ((node.resolve(doc) as Node | undefined) ?? undefined) : undefined);
  return node as Node;
}

export function asMap(node: unknown, doc?: Document): YAMLMap | undefined {
  const n = resolve(node, doc);
  return isMap(n) ? (n as YAMLMap) : undefined;
}

export function asSeq(node: unknown, doc?: Document): YAMLSeq | undefined {
  const n = resolve(node, doc);
  return isSeq(n) ? (n as YAMLSeq) : undefined;
}

export function asScalar(node: unknown, doc?: Document): Scalar | undefined {
  const n = resolve(node, doc);
  return isScalar(n) ? (n as Scalar) : undefined;
}

export function keyName(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : scalarText(k);
  return undefined;
}

/** A scalar as a key or a message names it: `.nan` and `.inf` as written, not JavaScript's NaN and Infinity. */
export function scalarText(s: Scalar): string {
  if (typeof s.value === 'number' && !Number.isFinite(s.value)) return s.source ?? (Number.isNaN(s.value) ? '.nan' : s.value > 0 ? '.inf' : '-.inf');
  return String(s.value);
}

/** Maps this small are scanned; an index would cost more to build than the scans it saves. */
const INDEXED_FROM = 9;

/** A map's pairs by key name, the first pair winning as in a scan; rebuilt when the map's items change. */
interface KeyIndex { items: unknown[]; length: number; byKey: Map<string, Pair> }
const keyIndexes = new WeakMap<YAMLMap, KeyIndex>();

/** The first pair whose key is `key`; O(1) on large maps, so rules may look keys up as often as they like. */
export function getPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  const items = map.items as unknown[];
  if (items.length < INDEXED_FROM) {
    for (const item of items) {
      if (isPair(item) && keyName(item) === key) return item;
    }
    return undefined;
  }
  let index = keyIndexes.get(map);
  if (!index || index.items !== items || index.length !== items.length) {
    index = { items, length: items.length, byKey: new Map() };
    for (const item of items) {
      if (!isPair(item)) continue;
      const name = keyName(item);
      if (name !== undefined && !index.byKey.has(name)) index.byKey.set(name, item);
    }
    keyIndexes.set(map, index);
  }
  return index.byKey.get(key);
}

export function getNode(map: YAMLMap | undefined, key: string, doc?: Document): Node | undefined {
  const pair = getPair(map, key);
  return pair ? resolve(pair.value, doc) : undefined;
}

/** The scalar's value, or undefined when absent or not a scalar. */
export function getScalar(map: YAMLMap | undefined, key: string, doc?: Document): unknown {
  const s = asScalar(getNode(map, key, doc), doc);
  return s ? s.value : undefined;
}

export function getString(map: YAMLMap | undefined, key: string, doc?: Document): string | undefined {
  const v = getScalar(map, key, doc);
  return typeof v === 'string' ? v : undefined;
}

export function getNumber(map: YAMLMap | undefined, key: string, doc?: Document): number | undefined {
  const v = getScalar(map, key, doc);
  return typeof v === 'number' ? v : undefined;
}

export function pairs(map: YAMLMap | undefined): Pair[] {
  return map ? (map.items.filter((i) => isPair(i)) as Pair[]) : [];
}

/** [start, end) source offsets of a node, or undefined for nodes without a source (e.g. synthesized). */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const n = node as { range?: [number, number, number] | null } | undefined;
  if (!n || !n.range) return undefined;
  return [n.range[0], n.range[1]];
}

/**
 * A node as plain JavaScript, aliases resolved through the anchor table. Not the library's toJS: that
 * resolves aliases by searching the document, and after merge keys are merged an anchor may no
 * longer be in it. A node met again inside itself (an alias cycle) is null.
 */
export function toPlain(node: unknown, doc?: Document, open: Set<unknown> = new Set()): unknown {
  const n = resolve(node, doc);
  if (!n) return null;
  if (isScalar(n)) return n.value ?? null;
  if (open.has(n)) return null;
  open.add(n);
  let out: unknown = null;
  if (isMap(n)) {
    const obj: Record<string, unknown> = {};
    for (const p of n.items) {
      const key = isScalar(p.key) ? (p.key.value === null || p.key.value === undefined ? '' : scalarText(p.key)) : undefined;
      if (key !== undefined) obj[key] = toPlain(p.value, doc, open);
    }
    out = obj;
  } else if (isSeq(n)) {
    out = n.items.map((i) => toPlain(i, doc, open));
  }
  open.delete(n);
  return out;
}
