// The tree's names in package.json: its view id and the contextValue of each node kind that menus' `when` clauses test.
import type { ContainerKind } from '../pod/targets';

/** The pod explorer's tree view (package.json contributes.views). */
export const POD_TREE_VIEW_ID = 'podscope.pods';

/** The command of the "Show all namespaces" row under an empty chosen namespace (its argument: the context name). */
export const SHOW_ALL_NAMESPACES_COMMAND = 'podscope.pods.showAllNamespaces';

/**
 * TreeItem.contextValue of each node kind, for `when` clauses in menus (`viewItem == podscope.pod`,
 * `viewItem =~ /^podscope\.container/`). The element a menu command receives is the tree node itself: a pod node is a
 * PodTarget, a container node a ContainerTarget (their `pod` is the latest object the watch delivered).
 */
export const TREE_CONTEXT_VALUES = {
  context: 'podscope.context',
  activeContext: 'podscope.context.active',
  namespace: 'podscope.namespace',
  page: 'podscope.page',
  pod: 'podscope.pod',
  /** Followed by the kind: podscope.container.app, .init, .sidecar, .ephemeral. */
  containerPrefix: 'podscope.container',
  message: 'podscope.message',
} as const;

export function containerContextValue(kind: ContainerKind): string {
  return `${TREE_CONTEXT_VALUES.containerPrefix}.${kind}`;
}
