// Refuses "billion laughs" documents: computes how many nodes a document would expand to,
// following aliases, in linear time, without expanding anything.
import { isAlias, isCollection, isPair, type Document, type Node } from 'yaml';

export const MAX_EXPANDED_NODES = 100_000;

/** Returns the first alias node at which the expansion passes `limit`, or undefined if the document is safe. */
export function findAliasBomb(doc: Document, limit = MAX_EXPANDED_NODES): Node | undefined {
  const memo = new Map<unknown, number>();
  let culprit: Node | undefined;
  const size = (node: unknown, depth: number): number => {
    if (node === null || node === undefined || culprit) return 0;
    if (depth > 1000) return limit + 1;
    const cached = memo.get(node);
    if (cached !== undefined) return cached;
    memo.set(node, 1); // cycle guard: a self-referencing alias counts once
    let n = 1;
    if (isAlias(node)) {
      n = size(node.resolve(doc), depth + 1);
      if (n > limit && !culprit) culprit = node as Node;
    } else if (isPair(node)) {
      n = size(node.key, depth + 1) + size(node.value, depth + 1);
    } else if (isCollection(node)) {
      for (const item of node.items) {
        n += size(item, depth + 1);
        if (n > limit) break;
      }
    }
    memo.set(node, n);
    return n;
  };
  const total = size(doc.contents, 0);
  if (culprit) return culprit;
  return total > limit ? (doc.contents as Node) : undefined;
}
