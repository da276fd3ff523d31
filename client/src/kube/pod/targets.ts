// Small shapes shared by the tree, logs, exec and actions, so each can be built and tested alone.
import type { KubeConfig, V1Pod } from '@kubernetes/client-node';

/** The kube context the explorer currently talks to. Never written back into the user's kubeconfig. */
export interface ClusterConnection {
  kubeConfig: KubeConfig;
  contextName: string;
  /** undefined = all namespaces. */
  namespace: string | undefined;
}

export type ContainerKind = 'init' | 'sidecar' | 'app' | 'ephemeral';

/** What a command invoked on a pod tree item receives. */
export interface PodTarget {
  contextName: string;
  namespace: string;
  name: string;
  pod: V1Pod;
}

/** What a command invoked on a container tree item receives. */
export interface ContainerTarget extends PodTarget {
  container: string;
  kind: ContainerKind;
}

/** The pod explorer's tree view (package.json contributes.views). */
export const POD_TREE_VIEW_ID = 'podscope.pods';
/** Its activity-bar container (contributes.viewsContainers.activitybar). */
export const POD_TREE_CONTAINER_ID = 'podscope';

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
