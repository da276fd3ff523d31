// Duplicate map keys. kubectl's YAML decoder (go-yaml v2) keeps the last of two equal keys, so the
// first value is silently dropped: an error when the values differ. When they are identical
// nothing is lost, and real manifests in the wild do this, so it is a warning.
import { isCollection, isMap, isPair, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { PathSeg } from './path';
import { scalarText } from './yamlNodes';

export interface DuplicateKey {
  pair: Pair;
  first: Pair;
  path: PathSeg[];
  sameValue: boolean;
}

export function findDuplicateKeys(doc: Document): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const walk = (node: unknown, path: PathSeg[]): void => {
    if (isMap(node)) {
      const seen = new Map<string, Pair>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? scalarText(item.key) : undefined;
        const childPath = key === undefined ? path : [...path, key];
        if (key !== undefined) {
          const first = seen.get(key);
          if (first) out.push({ pair: item, first, path: childPath, sameValue: sameValue(first.value, item.value) });
          else seen.set(key, item);
        }
        walk(item.value, childPath);
      }
    } else if (isCollection(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  const text = (n: unknown) => (n && typeof (n as Node).toJSON === 'function' ? JSON.stringify((n as Node).toJSON()) : JSON.stringify(n ?? null));
  try {
    return text(a) === text(b);
  } catch {
    return false;
  }
}
