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
