// Refuses "billion laughs" documents: counts the nodes that expanding the document's aliases would
// add, in linear time, without expanding anything. Only aliases count: a large or deep document
// without them is checked, however big.
import { isAlias, isCollection, isPair, type Document, type Node } from 'yaml';
import { aliasTargetOf } from './yamlNodes';

export const MAX_EXPANDED_NODES = 100_000;

/** The first alias at which the nodes added by expanding aliases pass `limit`, or undefined. */
export function findAliasBomb(doc: Document, limit = MAX_EXPANDED_NODES): Node | undefined {
  // Nodes of a subtree once its aliases are expanded. An alias's anchor comes before it in document
  // order, so its size is known when the alias is met, except for an alias inside its own anchor
  // (a cycle), which counts as one node.
  const sizes = new Map<unknown, number>();
  let added = 0;
  let culprit: Node | undefined;
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const n = sizes.get(aliasTargetOf(node)) ?? 1;
      added += n;
      if (added > limit && !culprit) culprit = node as Node;
      return n;
    }
    let n = 1;
    if (isPair(node)) n = size(node.key) + size(node.value);
    else if (isCollection(node)) for (const item of node.items) n += size(item);
    // Only an anchored node can be an alias's target: remember just those.
    if ((node as { anchor?: string }).anchor) sizes.set(node, n);
    return n;
  };
  size(doc.contents);
  return culprit;
}
