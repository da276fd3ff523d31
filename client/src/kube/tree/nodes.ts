// The pod tree's elements (discriminated by `nodeType`; a container node's `kind` is its ContainerKind, so it is a
// ContainerTarget as it stands, and a pod node a PodTarget). Each is a stable object for as long as the thing it shows exists, because VS Code matches
// refreshed elements by identity: a watch event updates the pod node in place and only that node is refreshed.
import type { CoreV1Event, V1Container, V1Pod } from '@kubernetes/client-node';
import { podKey, type MetricsSnapshot, type PodUsage, type Usage } from '../metrics/podUsage';
import { podContainers } from '../pod/containers';
import { summarizePod, type PodStatusSummary } from '../pod/podStatus';
import type { ContainerKind, ContainerTarget, PodTarget } from '../pod/targets';

export type TreeNode = ContextNode | NamespaceNode | PageNode | PodNode | ContainerNode | MessageNode;

const idOf = (...parts: string[]): string => JSON.stringify(parts);

export class ContextNode {
  readonly nodeType = 'context';
  readonly id: string;
  readonly parent = undefined;
  /** The latest pod metrics of the context (PodTreeModel.setMetrics); undefined = none to show. */
  metrics: MetricsSnapshot | undefined;
  constructor(readonly contextName: string) {
    this.id = idOf('context', contextName);
  }
}

export class NamespaceNode {
  readonly nodeType = 'namespace';
  readonly id: string;
  constructor(readonly parent: ContextNode, readonly namespace: string) {
    this.id = idOf('namespace', parent.contextName, namespace);
  }
  get contextName(): string {
    return this.parent.contextName;
  }
}

/** A slice of a very large namespace: the pods whose names sort from `lowerBound` up to the next page's bound. */
export class PageNode {
  readonly nodeType = 'page';
  readonly id: string;
  readonly names = new Set<string>();
  constructor(readonly parent: NamespaceNode, readonly lowerBound: string) {
    this.id = idOf('page', parent.contextName, parent.namespace, lowerBound);
  }
}

export class PodNode implements PodTarget {
  readonly nodeType = 'pod';
  readonly id: string;
  readonly contextName: string;
  readonly namespace: string;
  readonly name: string;
  private current: V1Pod;
  /** Its Warning events, newest first (kept by the context's events informer). */
  warnings: CoreV1Event[] = [];
  private cachedSummary: PodStatusSummary | undefined;
  private cachedContainers: ContainerNode[] | undefined;

  constructor(public parent: NamespaceNode | PageNode, pod: V1Pod) {
    this.current = pod;
    this.contextName = parent.parent.contextName;
    this.namespace = pod.metadata?.namespace ?? '';
    this.name = pod.metadata?.name ?? '';
    this.id = idOf('pod', this.contextName, this.namespace, this.name);
  }

  /** The latest object the watch delivered. */
  get pod(): V1Pod {
    return this.current;
  }

  set pod(pod: V1Pod) {
    this.current = pod;
    this.cachedSummary = undefined;
    this.cachedContainers = undefined;
  }

  get summary(): PodStatusSummary {
    return (this.cachedSummary ??= summarizePod(this.current));
  }

  /** CPU and memory from the context's latest metrics, when there are any for this pod. */
  get usage(): PodUsage | undefined {
    const context = this.parent.nodeType === 'page' ? this.parent.parent.parent : this.parent.parent;
    return context.metrics?.get(podKey(this.namespace, this.name));
  }

  /** Init containers (sidecars marked), then app containers, then ephemeral ones: the order the pod runs them. */
  get containers(): ContainerNode[] {
    return (this.cachedContainers ??= containerNodes(this));
  }
}

export class ContainerNode implements ContainerTarget {
  readonly nodeType = 'container';
  readonly id: string;
  constructor(readonly parent: PodNode, readonly container: string, readonly kind: ContainerKind, readonly spec: Pick<V1Container, 'name' | 'image' | 'stdin' | 'tty'>) {
    this.id = idOf('container', parent.contextName, parent.namespace, parent.name, kind, container);
  }
  get contextName(): string { return this.parent.contextName; }
  get namespace(): string { return this.parent.namespace; }
  get name(): string { return this.parent.name; }
  get pod(): V1Pod { return this.parent.pod; }
  get usage(): Usage | undefined { return this.parent.usage?.containers.get(this.container); }
}

export type MessageSeverity = 'error' | 'warning' | 'info' | 'loading';

/** What clicking a message row does (e.g. "Show all namespaces" under an empty namespace). */
export interface MessageAction {
  command: string;
  args: unknown[];
  /** A codicon id, shown instead of the severity's icon. */
  icon: string;
}

/** A line of text in the tree: loading, an error from the cluster, "No pods", ... */
export class MessageNode {
  readonly nodeType = 'message';
  readonly id: string;
  constructor(
    readonly parent: ContextNode | NamespaceNode | undefined,
    readonly key: string,
    readonly text: string,
    readonly severity: MessageSeverity,
    readonly detail?: string,
    readonly action?: MessageAction,
  ) {
    this.id = idOf('message', parent?.id ?? '', key);
  }
}

function containerNodes(node: PodNode): ContainerNode[] {
  return podContainers(node.pod).map((c) => new ContainerNode(node, c.name, c.kind, c.spec));
}
