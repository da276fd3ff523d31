// Brings a parsed document to what kubectl decodes (sigs.k8s.io/yaml over go-yaml v2) before any rule
// sees it: every alias resolved once through an anchor table (rules never meet an unresolved alias),
// `<<` merge keys merged with go-yaml v2's precedence, and what go-yaml refuses to decode — an alias
// to no anchor, a mapping or sequence used as a key, a merge of something that is not a map — kept as
// a problem at its place. Runs once per parse, in document order, in linear time.
import { Scalar, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { findAliasBomb } from './aliasGuard';
import { aliasTargetOf, setAliasTarget } from './yamlNodes';

export interface DecodeProblem {
  /** [start, end) source offsets. */
  span: [number, number];
  message: string;
}

export interface DecodedDocument {
  problems: DecodeProblem[];
  /** The alias at which expanding the document passes the limit, when it does; nothing was merged then. */
  aliasBomb?: Node;
}

/** `source` is the document's text: walks that cannot find anything in it (no `*`, no `<<`, no `?`) are skipped. */
export function decodeAsKubectl(doc: Document, source: string): DecodedDocument {
  const problems: DecodeProblem[] = [];
  if (source.includes('*')) {
    resolveAliases(doc, problems);
    const aliasBomb = findAliasBomb(doc);
    if (aliasBomb) return { problems, aliasBomb };
  }
  // A collection key needs `?` or a flow collection before `:`; a merge needs `<<` or an alias to one.
  if (source.includes('<<') || source.includes('?') || source.includes('*') || /[\]}]\s*:/.test(source)) mergeKeys(doc, problems);
  return { problems };
}

/** An alias means the last anchor of its name before it (YAML 1.2 §7.1); one pass, no search per alias. */
function resolveAliases(doc: Document, problems: DecodeProblem[]): void {
  const anchors = new Map<string, Node>();
  const visit = (node: unknown, replace: (n: Node) => void): void => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) setAliasTarget(node, target);
      else {
        problems.push({ span: spanOf(node), message: `unknown anchor '${node.source}' referenced` });
        replace(nullLike(node));
      }
      return;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isCollection(node)) {
      const items = node.items as unknown[];
      items.forEach((item, i) => {
        if (isPair(item)) {
          visit(item.key, (n) => { item.key = n; });
          visit(item.value, (n) => { item.value = n; });
        } else visit(item, (n) => { items[i] = n; });
      });
    }
  };
  visit(doc.contents, (n) => { doc.contents = n as Document['contents']; });
}

function mergeKeys(doc: Document, problems: DecodeProblem[]): void {
  const done = new Set<YAMLMap>();
  const inProgress = new Set<YAMLMap>();
  const target = (node: unknown): Node | undefined => (isAlias(node) ? aliasTargetOf(node) : (node as Node | undefined));
  const visit = (node: unknown): void => {
    if (isAlias(node) || !isCollection(node)) return;
    if (isMap(node)) {
      if (done.has(node) || inProgress.has(node)) return;
      inProgress.add(node);
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        visit(item.key);
        visit(item.value);
        const key = target(item.key);
        if (isMap(node) && (isMap(key) || isSeq(key))) {
          problems.push({ span: spanOf(item.key), message: `invalid map key: a ${isMap(key) ? 'mapping' : 'sequence'} cannot be a key; kubectl fails with "error converting YAML to JSON: yaml: invalid map key"` });
        }
      } else visit(item);
    }
    if (isMap(node)) {
      mergeInto(node, problems, target, inProgress);
      inProgress.delete(node);
      done.add(node);
    }
  };
  visit(doc.contents);
}

/** go-yaml v2 decodes pairs in order: a merge sets its keys (earlier maps of a list win), a later explicit key overrides. */
function mergeInto(map: YAMLMap, problems: DecodeProblem[], target: (n: unknown) => Node | undefined, inProgress: ReadonlySet<YAMLMap>): void {
  const merges = map.items.filter((p) => isMergeKey(p.key));
  if (merges.length === 0) return;
  const winner = new Map<string, Pair>();
  const mergedAt = new Map<Pair, Pair[]>();
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      const key = scalarKey(pair);
      if (key !== undefined) winner.set(key, pair);
      continue;
    }
    const sources = mergeSources(pair.value, target);
    if (!sources) {
      problems.push({ span: spanOf(pair.value ?? pair.key), message: 'map merge requires map or sequence of maps as the value' });
      mergedAt.set(pair, []);
      continue;
    }
    const added: Pair[] = [];
    for (const source of [...sources].reverse()) {
      if (inProgress.has(source)) continue; // a map merging itself through an alias cycle adds nothing
      for (const p of source.items) {
        const key = scalarKey(p);
        if (key !== undefined) { winner.set(key, p); added.push(p); }
      }
    }
    mergedAt.set(pair, added);
  }
  const own = new Set(map.items);
  const items: Pair[] = [];
  const placed = new Set<Pair>();
  for (const pair of map.items) {
    const merged = mergedAt.get(pair);
    if (merged) {
      for (const p of merged) {
        if (winner.get(scalarKey(p)!) === p && !placed.has(p)) { items.push(p); placed.add(p); }
      }
      continue;
    }
    const key = scalarKey(pair);
    // An explicit key a later merge overrode is gone; explicit duplicates stay for yaml-duplicate-key.
    const won = key === undefined ? undefined : winner.get(key);
    if (won === undefined || own.has(won)) items.push(pair);
  }
  map.items = items;
}

function mergeSources(value: unknown, target: (n: unknown) => Node | undefined): YAMLMap[] | undefined {
  const node = target(value);
  if (isMap(node)) return [node];
  if (!isSeq(node)) return undefined;
  const maps = node.items.map((i) => target(i));
  return maps.every((m) => isMap(m)) ? (maps as YAMLMap[]) : undefined;
}

/** go-yaml's isMerge: a plain `<<` (quoted "<<" is an ordinary key). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && key.type === 'PLAIN';
}

function scalarKey(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && pair.key.value !== undefined ? String(pair.key.value) : undefined;
}

function nullLike(alias: Alias): Node {
  const s = new Scalar(null);
  s.range = alias.range ? [alias.range[0], alias.range[1], alias.range[2]] : undefined;
  return s;
}

function spanOf(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}
