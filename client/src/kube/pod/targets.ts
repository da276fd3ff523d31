// What a command acts on: a pod or a container, as the tree hands it over (a tree node is one) or a picker resolves it.
import type { V1Pod } from '@kubernetes/client-node';

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
