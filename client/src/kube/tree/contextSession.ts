// One opened context of the pod tree: its informer and the namespace groups built from it, filtered by name.
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi } from '../cluster/clusterApi';
import { PodInformer, type InformerOptions, type InformerState } from '../cluster/informer';
import { byName, NamespaceGroup } from './namespaceGroup';
import { NamespaceNode, type ContextNode, type TreeNode } from './nodes';
import { podFilterMatcher, type PodFilter } from './podFilter';

export interface SessionDeps {
  informer?: InformerOptions;
  pageSize: number;
  markDirty(node: TreeNode): void;
}

/** One opened context: its informer and the namespace groups built from it. */
export class ContextSession {
  private informer: PodInformer;
  private groups = new Map<string, NamespaceGroup>();
  private matches: (pod: V1Pod) => boolean;
  state: InformerState = { kind: 'listing', loaded: 0 };

  constructor(
    readonly node: ContextNode,
    /** undefined = all namespaces. */
    readonly namespace: string | undefined,
    private readonly api: ClusterApi,
    filter: PodFilter,
    private readonly deps: SessionDeps,
  ) {
    this.matches = podFilterMatcher(filter);
    this.informer = this.makeInformer(filter);
  }

  get loadedCount(): number {
    return this.state.kind === 'listing' ? this.state.loaded : this.informer.size;
  }

  get podInformer(): PodInformer {
    return this.informer;
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
  }

  resync(): void {
    this.informer.resync();
  }

  /** A new label selector means a new server-side query. */
  restart(filter: PodFilter): void {
    this.informer.stop();
    this.groups = new Map();
    this.matches = podFilterMatcher(filter);
    this.state = { kind: 'listing', loaded: 0 };
    this.informer = this.makeInformer(filter);
    this.informer.start();
  }

  /** A new name filter: rebuild the groups from the pods we already hold. */
  regroup(filter: PodFilter): void {
    this.matches = podFilterMatcher(filter);
    this.groups = new Map();
    for (const pod of this.informer.pods()) if (this.matches(pod)) this.groupFor(pod).add(pod);
  }

  group(namespace: string): NamespaceGroup | undefined {
    return this.groups.get(namespace);
  }

  /** In one-namespace scope that namespace always shows (even empty); otherwise namespaces with visible pods. */
  visibleGroups(): NamespaceGroup[] {
    if (this.namespace !== undefined) return [this.groupFor(undefined, this.namespace)];
    return [...this.groups.values()].filter((g) => g.size > 0).sort((a, b) => byName(a.node.namespace, b.node.namespace));
  }

  private makeInformer(filter: PodFilter): PodInformer {
    return new PodInformer(this.api, { namespace: this.namespace, labelSelector: filter.labelSelector }, {
      onAdd: (pod) => this.onAdd(pod),
      onUpdate: (pod) => this.onUpdate(pod),
      onDelete: (pod) => this.onDelete(pod),
      onState: (state) => {
        this.state = state;
        this.deps.markDirty(this.node);
      },
    }, this.deps.informer);
  }

  private onAdd(pod: V1Pod): void {
    if (!this.matches(pod)) return;
    const group = this.groupFor(pod);
    const wasEmpty = group.size === 0;
    this.deps.markDirty(group.add(pod));
    if (wasEmpty && this.namespace === undefined) this.deps.markDirty(this.node);
  }

  private onUpdate(pod: V1Pod): void {
    const node = this.groups.get(pod.metadata?.namespace ?? '')?.get(pod.metadata?.name ?? '');
    if (!node) return;
    node.pod = pod;
    this.deps.markDirty(node);
  }

  private onDelete(pod: V1Pod): void {
    const group = this.groups.get(pod.metadata?.namespace ?? '');
    const changed = group?.remove(pod.metadata?.name ?? '');
    if (!group || !changed) return;
    this.deps.markDirty(changed);
    if (group.size === 0 && this.namespace === undefined) this.deps.markDirty(this.node);
  }

  private groupFor(pod: V1Pod | undefined, ns = pod?.metadata?.namespace ?? ''): NamespaceGroup {
    let group = this.groups.get(ns);
    if (!group) {
      group = new NamespaceGroup(new NamespaceNode(this.node, ns), this.deps.pageSize);
      this.groups.set(ns, group);
    }
    return group;
  }
}
