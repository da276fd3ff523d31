// One opened context of the pod tree: its pod informer and the namespace groups built from it, filtered by name, and
// its events informer (same scope, no label selector), whose Warning events land on the pod rows.
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import type { ClusterApi } from '../cluster/clusterApi';
import { objectKey } from '../cluster/informerStore';
import { eventListWatch, Informer, PodInformer, type InformerOptions, type InformerState } from '../cluster/informer';
import { PodEvents } from '../events/podEvents';
import { byName, NamespaceGroup } from './namespaceGroup';
import { NamespaceNode, type ContextNode, type PodNode, type TreeNode } from './nodes';
import { podFilterMatcher, type PodFilter } from './podFilter';

export interface SessionDeps {
  informer?: InformerOptions;
  pageSize: number;
  markDirty(node: TreeNode): void;
  /** Applies `change` to a pod node, refreshing it only if what it shows changed. */
  update(node: PodNode, change: () => void): void;
  /** The context's events changed (for the Events view). */
  eventsChanged(): void;
  /**
   * The pod `podKey` (namespace/name) or one of its events came, changed or went — whether or not the tree's name
   * filter shows it (a pod's details document follows it regardless).
   */
  podChanged(podKey: string): void;
}

/** One opened context: its informers and the namespace groups built from them. */
export class ContextSession {
  private informer: PodInformer;
  private readonly eventInformer: Informer<CoreV1Event>;
  readonly events = new PodEvents();
  eventsState: InformerState = { kind: 'listing', loaded: 0 };
  private groups = new Map<string, NamespaceGroup>();
  private matches: (pod: V1Pod) => boolean;
  state: InformerState = { kind: 'listing', loaded: 0 };

  constructor(
    readonly node: ContextNode,
    /** undefined = all namespaces. */
    readonly namespace: string | undefined,
    readonly api: ClusterApi,
    filter: PodFilter,
    private readonly deps: SessionDeps,
  ) {
    this.matches = podFilterMatcher(filter);
    this.informer = this.makeInformer(filter);
    this.eventInformer = new Informer(eventListWatch(api, { namespace }), {
      onAdd: (e) => this.onEvent(this.events.upsert(e)),
      onUpdate: (e) => this.onEvent(this.events.upsert(e)),
      onDelete: (e) => this.onEvent(this.events.delete(e)),
      onState: (state) => {
        this.eventsState = state;
        this.deps.eventsChanged();
      },
    }, deps.informer);
  }

  get loadedCount(): number {
    return this.state.kind === 'listing' ? this.state.loaded : this.informer.size;
  }

  get podInformer(): PodInformer {
    return this.informer;
  }

  start(): void {
    this.informer.start();
    this.eventInformer.start();
  }

  stop(): void {
    this.informer.stop();
    this.eventInformer.stop();
  }

  resync(): void {
    this.informer.resync();
    this.eventInformer.resync();
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
    for (const pod of this.informer.pods()) if (this.matches(pod)) this.addToGroup(pod);
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
    this.deps.podChanged(objectKey(pod));
    if (!this.matches(pod)) return;
    const wasEmpty = this.groupFor(pod).size === 0;
    this.deps.markDirty(this.addToGroup(pod));
    if (wasEmpty && this.namespace === undefined) this.deps.markDirty(this.node);
  }

  private onUpdate(pod: V1Pod): void {
    this.deps.podChanged(objectKey(pod));
    const node = this.podNode(objectKey(pod));
    if (!node) return;
    this.deps.update(node, () => {
      node.pod = pod;
      node.warnings = this.warningsOf(node);
    });
  }

  /** An event about the pod `podKey` (namespace/name) came, changed or went. */
  private onEvent(podKey: string | undefined): void {
    this.deps.eventsChanged();
    if (podKey !== undefined) this.deps.podChanged(podKey);
    const node = podKey === undefined ? undefined : this.podNode(podKey);
    if (node) this.deps.update(node, () => { node.warnings = this.warningsOf(node); });
  }

  private addToGroup(pod: V1Pod): TreeNode {
    const group = this.groupFor(pod);
    const changed = group.add(pod);
    const node = group.get(pod.metadata?.name ?? '');
    if (node) node.warnings = this.warningsOf(node);
    return changed;
  }

  private podNode(podKey: string): PodNode | undefined {
    const slash = podKey.indexOf('/');
    return this.groups.get(podKey.slice(0, slash))?.get(podKey.slice(slash + 1));
  }

  private warningsOf(node: PodNode): CoreV1Event[] {
    return this.events.warningsOf(node.namespace, node.name, node.pod.metadata?.uid);
  }

  private onDelete(pod: V1Pod): void {
    this.deps.podChanged(objectKey(pod));
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
