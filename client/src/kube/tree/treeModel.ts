// The pod tree without VS Code: Context -> Namespace -> (Page ->) Pod -> Container, fed by one informer per opened
// context. Each watch event costs O(1) here (plus O(log pages)) and marks just the node whose look or children changed;
// changes are coalesced and handed to the view in batches, so a burst of events never becomes a full rebuild.
import type { ConnectionSource } from '../cluster/connection';
import { problemLabel } from '../cluster/connectionError';
import type { InformerOptions, InformerState } from '../cluster/informer';
import type { MetricsScope } from '../metrics/metricsPoller';
import { podKey, type MetricsSnapshot, type PodUsage } from '../metrics/podUsage';
import { ContextSession } from './contextSession';
import { PAGE_SIZE } from './namespaceGroup';
import { ContextNode, MessageNode, type NamespaceNode, type PodNode, type TreeNode } from './nodes';
import { DEFAULT_POD_COLUMNS, type PodColumn } from './podColumns';
import type { PodFilter } from './podFilter';
import { SHOW_ALL_NAMESPACES_COMMAND } from './treeIds';
import { podAppearance, sameDrawingInputs, type PodDrawing } from './presentation';

export interface PodTreeModelOptions {
  informer?: InformerOptions;
  pageSize?: number;
  /** How long changes are collected before the view hears of them. */
  batchMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** undefined = the whole tree changed (contexts added/removed, filter changed). */
export type ChangeListener = (nodes: (TreeNode | undefined)[]) => void;

/** A pod of a context (`podKey` = namespace/name) or one of its events changed; heard at once, not batched. */
export type PodChangeListener = (contextName: string, podKey: string) => void;

export class PodTreeModel {
  private readonly sessions = new Map<string, ContextSession>();
  private contextNodes = new Map<string, ContextNode>();
  private filter: PodFilter = {};
  private readonly dirty = new Set<TreeNode>();
  private rootDirty = false;
  private flushTimer: unknown;
  /** Nodes the view has been given; only those are worth refreshing. */
  private readonly shown = new WeakSet<object>();
  private readonly listeners: ChangeListener[] = [];
  private readonly eventListeners: ((contextName: string) => void)[] = [];
  private readonly metricsListeners: ((contextName: string) => void)[] = [];
  private readonly eventsDirty = new Set<string>();
  private readonly podListeners: PodChangeListener[] = [];
  private columns: readonly PodColumn[] = DEFAULT_POD_COLUMNS;
  private byNode = false;
  /** Ids of the namespaces and pages the user opened, so a rebuilt node (new filter, re-list) opens again. */
  private readonly expandedIds = new Set<string>();

  constructor(private source: ConnectionSource | undefined, private readonly options: PodTreeModelOptions = {}) {}

  onDidChange(listener: ChangeListener): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners.splice(this.listeners.indexOf(listener), 1); } };
  }

  /** The events of a context changed (batched like tree changes). */
  onEventsChange(listener: (contextName: string) => void): { dispose(): void } {
    this.eventListeners.push(listener);
    return { dispose: () => { this.eventListeners.splice(this.eventListeners.indexOf(listener), 1); } };
  }

  /** Every change of a watched pod or its events, shown in the tree or not (a details document follows one pod). */
  onPodChange(listener: PodChangeListener): { dispose(): void } {
    this.podListeners.push(listener);
    return { dispose: () => { this.podListeners.splice(this.podListeners.indexOf(listener), 1); } };
  }

  get podColumns(): readonly PodColumn[] {
    return this.columns;
  }

  /** What pod rows show after the status (the podscope.explorer.podDescription setting). */
  setPodColumns(columns: readonly PodColumn[]): void {
    if (columns.join() === this.columns.join()) return;
    this.columns = columns;
    this.markRoot();
  }

  get sortByNode(): boolean {
    return this.byNode;
  }

  /** Pods ordered by node, then name (`kubectl get pods --sort-by=.spec.nodeName`), or by name. */
  setSortByNode(on: boolean): void {
    if (on === this.byNode) return;
    this.byNode = on;
    this.markRoot();
  }

  isExpanded(node: TreeNode): boolean {
    return this.expandedIds.has(node.id);
  }

  setExpanded(node: TreeNode, expanded: boolean): void {
    if (node.nodeType !== 'namespace' && node.nodeType !== 'page') return;
    if (expanded) this.expandedIds.add(node.id);
    else this.expandedIds.delete(node.id);
  }

  /** The session of a context, opened if need be (the Events view shows the active context without the tree). */
  openContext(contextName: string): ContextSession | undefined {
    if (!this.source?.contexts().includes(contextName) || this.source.contextProblem(contextName)) return undefined;
    return this.openSession(this.contextNode(contextName));
  }

  /** A new kubeconfig (or none): every session restarts, with `informer` options if given. */
  setSource(source: ConnectionSource | undefined, informer?: InformerOptions): void {
    if (informer) this.options.informer = { ...this.options.informer, ...informer };
    this.stopAll();
    this.source = source;
    this.contextNodes = new Map();
    this.markRoot();
  }

  get currentFilter(): PodFilter {
    return this.filter;
  }

  setFilter(filter: PodFilter): void {
    const selectorChanged = (filter.labelSelector ?? '') !== (this.filter.labelSelector ?? '');
    this.filter = { name: filter.name || undefined, labelSelector: filter.labelSelector || undefined };
    for (const session of this.sessions.values()) {
      if (selectorChanged) session.restart(this.filter);
      else session.regroup(this.filter);
    }
    this.markRoot();
  }

  /** Re-list the opened contexts (converges by diff: nodes that did not change are not rebuilt). */
  refresh(contextName?: string): void {
    for (const [name, session] of this.sessions) if (contextName === undefined || name === contextName) session.resync();
  }

  /** The namespace scope of a context changed: its informer restarts with the new scope. */
  rescope(contextName: string): void {
    const session = this.sessions.get(contextName);
    if (session) {
      session.stop();
      this.sessions.delete(contextName);
    }
    this.markDirty(this.contextNode(contextName));
  }

  /** The active context changed: its node's look changes; nothing reconnects. */
  touchContexts(): void {
    this.markRoot();
  }

  dispose(): void {
    this.stopAll();
    if (this.flushTimer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.flushTimer as ReturnType<typeof setTimeout>);
    this.flushTimer = undefined;
  }

  /** A context's metrics were replaced (the pod details document's usage section redraws). */
  onMetricsChange(listener: (contextName: string) => void): { dispose(): void } {
    this.metricsListeners.push(listener);
    return { dispose: () => { this.metricsListeners.splice(this.metricsListeners.indexOf(listener), 1); } };
  }

  /** A pod's usage from its context's latest metrics, whether or not the tree's filter shows the pod. */
  podUsage(contextName: string, namespace: string, name: string): PodUsage | undefined {
    return this.contextNodes.get(contextName)?.metrics?.get(podKey(namespace, name));
  }

  /** What the metrics poller lists: each opened context, in the namespace scope its tree shows. */
  metricsScopes(): MetricsScope[] {
    return [...this.sessions.values()].map((s) => ({ contextName: s.node.contextName, api: s.api, namespace: s.namespace }));
  }

  /**
   * New pod metrics for a context (undefined = show none). Only shown pods whose rows or tooltips read differently
   * are refreshed: figures that round to what is drawn change nothing, and a refresh closes an open tooltip.
   */
  setMetrics(contextName: string, snapshot: MetricsSnapshot | undefined): void {
    const context = this.contextNodes.get(contextName);
    if (!context) return;
    const before = context.metrics;
    context.metrics = snapshot;
    const now = Date.now();
    for (const key of new Set([...(before?.keys() ?? []), ...(snapshot?.keys() ?? [])])) {
      const slash = key.indexOf('/');
      const pod = this.findPod(contextName, key.slice(0, slash), key.slice(slash + 1));
      if (!pod || !this.shown.has(pod)) continue;
      const drawn = podAppearance(pod, this.columns, now);
      context.metrics = before;
      const drawnBefore = podAppearance(pod, this.columns, now);
      context.metrics = snapshot;
      if (drawn !== drawnBefore) this.markDirty(pod);
    }
    for (const l of [...this.metricsListeners]) l(contextName);
  }

  // ---- reading the tree ----

  children(node?: TreeNode): TreeNode[] {
    const kids = this.childrenOf(node);
    for (const k of kids) this.shown.add(k);
    return kids;
  }

  parent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  contextNode(name: string): ContextNode {
    let node = this.contextNodes.get(name);
    if (!node) {
      node = new ContextNode(name);
      this.contextNodes.set(name, node);
    }
    return node;
  }

  session(contextName: string): ContextSession | undefined {
    return this.sessions.get(contextName);
  }

  findPod(contextName: string, namespace: string, name: string): PodNode | undefined {
    return this.sessions.get(contextName)?.group(namespace)?.get(name);
  }

  isActive(contextName: string): boolean {
    return this.source?.activeContext() === contextName;
  }

  namespaceOf(contextName: string): string | undefined {
    return this.source?.namespaceOf(contextName);
  }

  contextDetail(contextName: string) {
    return this.source?.contextDetail(contextName) ?? {};
  }

  /** Sends pending changes now instead of at the end of the batch window. */
  flush(): void {
    if (this.flushTimer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.flushTimer as ReturnType<typeof setTimeout>);
    this.flushTimer = undefined;
    const contexts = [...this.eventsDirty];
    this.eventsDirty.clear();
    for (const c of contexts) for (const l of [...this.eventListeners]) l(c);
    if (!this.rootDirty && this.dirty.size === 0) return;
    let nodes: (TreeNode | undefined)[];
    if (this.rootDirty) {
      nodes = [undefined];
    } else {
      // A refreshed node refreshes its subtree, so its dirty descendants need no message of their own.
      nodes = [...this.dirty].filter((n) => !hasDirtyAncestor(n, this.dirty));
    }
    this.dirty.clear();
    this.rootDirty = false;
    for (const l of [...this.listeners]) l(nodes);
  }

  private childrenOf(node?: TreeNode): TreeNode[] {
    if (!this.source) return [];
    if (!node) return this.source.contexts().map((c) => this.contextNode(c));
    switch (node.nodeType) {
      case 'context': return this.contextChildren(node);
      case 'namespace': return this.namespaceChildren(node);
      case 'page': return this.sessions.get(node.parent.contextName)?.group(node.parent.namespace)?.podsOf(node, this.byNode) ?? [];
      case 'pod': return node.containers;
      default: return [];
    }
  }

  private contextChildren(node: ContextNode): TreeNode[] {
    const problem = this.source!.contextProblem(node.contextName);
    if (problem) return [new MessageNode(node, 'problem', problem, 'error')];
    const session = this.openSession(node);
    const status = statusMessage(node, session.state, session.loadedCount);
    const groups = session.state.kind === 'synced' || session.state.kind === 'reconnecting' ? session.visibleGroups() : [];
    const kids: TreeNode[] = status ? [status] : [];
    kids.push(...groups.map((g) => g.node));
    if (kids.length === 0) kids.push(new MessageNode(node, 'empty', this.emptyText(), 'info'));
    return kids;
  }

  private namespaceChildren(node: NamespaceNode): TreeNode[] {
    const group = this.sessions.get(node.contextName)?.group(node.namespace);
    if (!group || group.size === 0) return this.emptyNamespace(node);
    return group.children(this.byNode);
  }

  /**
   * An empty chosen namespace (often a remembered choice that no longer fits) offers the way out: all namespaces. A
   * filter that hides every pod says so instead, since the namespace may not be empty at all.
   */
  private emptyNamespace(node: NamespaceNode): TreeNode[] {
    const filtered = this.filter.name || this.filter.labelSelector;
    const chosen = this.sessions.get(node.contextName)?.namespace === node.namespace;
    if (filtered || !chosen) return [new MessageNode(node, 'empty', this.emptyText(), 'info')];
    return [
      new MessageNode(node, 'empty', `No pods in namespace "${node.namespace}"`, 'info'),
      new MessageNode(node, 'allNamespaces', 'Show all namespaces', 'info', undefined, {
        command: SHOW_ALL_NAMESPACES_COMMAND, args: [node.contextName], icon: 'globe',
      }),
    ];
  }

  private emptyText(): string {
    return this.filter.name || this.filter.labelSelector ? 'No pods match the filter' : 'No pods';
  }

  private openSession(node: ContextNode): ContextSession {
    let session = this.sessions.get(node.contextName);
    if (!session) {
      const api = this.source!.api(node.contextName);
      session = new ContextSession(node, this.source!.namespaceOf(node.contextName), api, this.filter, {
        informer: this.options.informer,
        pageSize: this.options.pageSize ?? PAGE_SIZE,
        markDirty: (n) => this.markDirty(n),
        update: (n, change) => this.update(n, change),
        eventsChanged: () => this.eventsChangedIn(node.contextName),
        podChanged: (podKey) => { for (const l of [...this.podListeners]) l(node.contextName, podKey); },
      });
      this.sessions.set(node.contextName, session);
      session.start();
    }
    return session;
  }

  private stopAll(): void {
    for (const s of this.sessions.values()) s.stop();
    this.sessions.clear();
  }

  /**
   * Applies a change to a pod node and refreshes it only when its rows or tooltips changed: every refresh closes the
   * tooltip the user is reading, and a crash-looping pod gets updates that change nothing it shows.
   */
  private update(node: PodNode, change: () => void): void {
    if (!this.shown.has(node)) {
      change();
      return;
    }
    const before: PodDrawing = { pod: node.pod, warnings: node.warnings };
    change();
    if (sameDrawingInputs(before, node)) return;
    // Sorted by node, a pod that was scheduled moves: its parent's order changed.
    if (this.byNode && node.pod.spec?.nodeName !== before.pod.spec?.nodeName) this.markDirty(node.parent);
    else if (this.drawnDiffers(node, before)) this.markDirty(node);
  }

  /** Draws the node as it is and as it was (put back for the moment), at one instant so ages that merely grew are equal. */
  private drawnDiffers(node: PodNode, before: PodDrawing): boolean {
    const now = Date.now();
    const after = { pod: node.pod, warnings: node.warnings };
    const drawn = podAppearance(node, this.columns, now);
    node.pod = before.pod;
    node.warnings = before.warnings;
    const drawnBefore = podAppearance(node, this.columns, now);
    node.pod = after.pod;
    node.warnings = after.warnings;
    return drawn !== drawnBefore;
  }

  private eventsChangedIn(contextName: string): void {
    this.eventsDirty.add(contextName);
    this.schedule();
  }

  private markDirty(node: TreeNode): void {
    // A node the view has never been given has nothing to refresh; its nearest shown ancestor does.
    let n: TreeNode | undefined = node;
    while (n && !this.shown.has(n)) n = n.parent;
    if (!n) {
      if (node.nodeType === 'context') this.markRoot();
      return;
    }
    this.dirty.add(n);
    this.schedule();
  }

  private markRoot(): void {
    this.rootDirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = (this.options.setTimer ?? setTimeout)(() => {
      this.flushTimer = undefined;
      this.flush();
    }, this.options.batchMs ?? 100);
  }
}

function statusMessage(node: ContextNode, state: InformerState, loaded: number): MessageNode | undefined {
  switch (state.kind) {
    case 'listing':
      return new MessageNode(node, 'status', loaded > 0 ? `Loading pods… (${loaded})` : 'Loading pods…', 'loading');
    case 'error':
      return new MessageNode(node, 'status', problemLabel(state.problem), 'error', retryText(state.retryInMs));
    case 'reconnecting':
      return new MessageNode(node, 'status', `Watch interrupted: ${problemLabel(state.problem)}`, 'warning', `showing last known pods; ${retryText(state.retryInMs)}`);
    default:
      return undefined;
  }
}

function retryText(ms: number): string {
  return `retrying in ${Math.round(ms / 1000)}s`;
}

function hasDirtyAncestor(node: TreeNode, dirty: Set<TreeNode>): boolean {
  for (let p = node.parent as TreeNode | undefined; p; p = p.parent as TreeNode | undefined) if (dirty.has(p)) return true;
  return false;
}
