// Which scalar (a key or a value) sits at a source offset, and its path from the document root.
// Walks the `yaml` package's own AST; aliases are not followed (the text under the cursor is the alias).
// Whitespace inside a collection is no node: callers get undefined there.
import { isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export type Segment = string | number;

export interface NodeAt {
  /** Path from the document root to the field (for a key: the field the key names). */
  path: Segment[];
  node: Node;
  on: 'key' | 'value';
  /** The pair holding the node, when it is a map key or value. */
  pair?: Pair;
  /** The map holding that pair. */
  map?: YAMLMap;
}

export function nodeAt(doc: Document, offset: number): NodeAt | undefined {
  const root = doc.contents as Node | null;
  return root ? walk(root, [], offset) : undefined;
}

function walk(node: Node, path: Segment[], offset: number): NodeAt | undefined {
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      const name = keyText(pair);
      if (name === undefined) continue;
      if (contains(pair.key, offset)) return { path: [...path, name], node: pair.key as Node, on: 'key', pair, map: node };
      const value = pair.value as Node | null;
      if (value && contains(value, offset)) {
        if (!isCollection(value)) return { path: [...path, name], node: value, on: 'value', pair, map: node };
        // A block collection's range ends where the next key starts: keep looking if nothing inside matched.
        const inner = walk(value, [...path, name], offset);
        if (inner) return inner;
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (!item || !contains(item, offset)) continue;
      if (!isCollection(item)) return { path: [...path, i], node: item, on: 'value' };
      const inner = walk(item, [...path, i], offset);
      if (inner) return inner;
    }
  }
  return undefined;
}

export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && pair.key.value !== undefined ? String(pair.key.value) : undefined;
}

/** Inclusive of the end, so a cursor just after a word still counts as on it. */
function contains(node: unknown, offset: number): boolean {
  const range = (node as { range?: [number, number, number] | null }).range;
  if (!range) return false;
  const end = isScalar(node) ? range[1] : range[2];
  return range[0] <= offset && offset <= end;
}
