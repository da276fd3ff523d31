// What the pod actions need from the explorer: the ClusterApi of a context, and the context and namespace the tree
// shows (for commands run from the palette, without a tree item).
import type { ClusterApi } from '../cluster/clusterApi';

export interface ActiveScope {
  contextName: string;
  /** undefined = all namespaces. */
  namespace: string | undefined;
}

export interface PodActionDeps {
  apiFor(contextName: string): ClusterApi | undefined;
  activeScope(): ActiveScope | undefined;
}
