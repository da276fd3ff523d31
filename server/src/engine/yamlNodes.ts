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
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : String(k.value);
  return undefined;
}

export function getPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const item of map.items) {
    if (isPair(item) && keyName(item) === key) return item as Pair;
  }
  return undefined;
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
