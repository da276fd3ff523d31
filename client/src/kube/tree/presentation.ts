// How each tree node looks (label, description, icon, tooltip, menus), as plain data; podTreeProvider.ts only turns it
// into a vscode.TreeItem. The pod description carries kubectl's columns (podColumns.ts).
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { containerUsageText, podUsageShort } from '../metrics/usageText';
import { containerStatus } from '../pod/containers';
import { containerIcon, podIcon, type IconSpec } from './icons';
import { DEFAULT_POD_COLUMNS, podDescription, type PodColumn } from './podColumns';
import type { PodTreeModel } from './treeModel';
import type { ContainerNode, ContextNode, MessageNode, NamespaceNode, PageNode, PodNode, TreeNode } from './nodes';
import { containerTooltip, containerUsageTooltip, md, podTooltip, podUsageTooltip, shortState } from './podTooltip';
import { TREE_CONTEXT_VALUES, containerContextValue } from './treeIds';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface TreeItemData {
  id: string;
  label: string;
  description?: string;
  /** Markdown. Pods and containers leave it out: tooltipOf() builds theirs on hover, not for every row shown. */
  tooltip?: string;
  icon?: IconSpec;
  contextValue: string;
  collapsible: Collapsible;
  /** Run when the row is clicked (only action rows have one: a pod row's click selects and expands). */
  command?: { command: string; title: string; arguments: unknown[] };
}

export function presentNode(node: TreeNode, model: PodTreeModel, nowMs: number): TreeItemData {
  switch (node.nodeType) {
    case 'context': return presentContext(node, model);
    case 'namespace': return presentNamespace(node, model);
    case 'page': return presentPage(node, model);
    case 'pod': return presentPod(node, nowMs, model.podColumns);
    case 'container': return presentContainer(node);
    case 'message': return presentMessage(node);
  }
}

/** The hover text of a pod or container, built only when the user hovers it. */
export function tooltipOf(node: TreeNode, nowMs: number): string | undefined {
  if (node.nodeType === 'pod') return podTooltip(node.pod, node.summary, nowMs, node.warnings) + podUsageTooltip(node.pod, node.usage);
  if (node.nodeType === 'container') return containerTooltip(node.pod, node.container, node.kind, nowMs) + containerUsageTooltip(node.pod, node.container, node.usage);
  return undefined;
}

function presentContext(node: ContextNode, model: PodTreeModel): TreeItemData {
  const active = model.isActive(node.contextName);
  const ns = model.namespaceOf(node.contextName);
  const detail = model.contextDetail(node.contextName);
  const tooltip = [
    `**${md(node.contextName)}**${active ? ' (active in Podscope)' : ''}`,
    '',
    detail.cluster ? `Cluster: \`${detail.cluster}\`${detail.server ? ` at ${md(detail.server)}` : ''}` : '',
    detail.user ? `User: \`${detail.user}\`` : '',
    `Showing: ${ns === undefined ? 'all namespaces' : `namespace \`${ns}\``}`,
  ].filter((l, i) => i < 2 || l !== '').join('\n\n');
  return {
    id: node.id,
    label: node.contextName,
    description: ns === undefined ? 'all namespaces' : ns,
    tooltip,
    icon: active ? { id: 'vm-active', color: 'charts.green' } : { id: 'vm' },
    contextValue: active ? TREE_CONTEXT_VALUES.activeContext : TREE_CONTEXT_VALUES.context,
    collapsible: active ? 'expanded' : 'collapsed',
  };
}

function presentNamespace(node: NamespaceNode, model: PodTreeModel): TreeItemData {
  const group = model.session(node.contextName)?.group(node.namespace);
  const count = group?.size ?? 0;
  return {
    id: node.id,
    label: node.namespace,
    description: `${count} ${count === 1 ? 'pod' : 'pods'}`,
    icon: { id: 'symbol-namespace' },
    contextValue: TREE_CONTEXT_VALUES.namespace,
    // A single chosen namespace opens by itself; in all-namespaces mode the list of namespaces is the overview. One the
    // user opened stays open when it is rebuilt (a new filter, a re-list).
    collapsible: model.namespaceOf(node.contextName) !== undefined || model.isExpanded(node) ? 'expanded' : 'collapsed',
  };
}

function presentPage(node: PageNode, model: PodTreeModel): TreeItemData {
  const group = model.session(node.parent.contextName)?.group(node.parent.namespace);
  const pods = group?.podsOf(node) ?? [];
  const first = pods[0]?.name ?? '';
  const last = pods[pods.length - 1]?.name ?? '';
  return {
    id: node.id,
    label: pods.length > 1 ? `${first} … ${last}` : first,
    description: `${pods.length} pods`,
    icon: { id: 'list-flat' },
    contextValue: TREE_CONTEXT_VALUES.page,
    collapsible: model.isExpanded(node) ? 'expanded' : 'collapsed',
  };
}

export function presentPod(node: PodNode, nowMs: number, columns: readonly PodColumn[] = DEFAULT_POD_COLUMNS): TreeItemData {
  const s = node.summary;
  const usage = node.usage;
  const description = podDescription(node.pod, s, node.warnings.length, columns, nowMs);
  return {
    id: node.id,
    label: node.name,
    description: usage ? `${description} · ${podUsageShort(usage)}` : description,
    icon: podIcon(s),
    contextValue: TREE_CONTEXT_VALUES.pod,
    collapsible: 'collapsed',
  };
}

/** What a pod row, its container rows and their tooltips are drawn from. */
export interface PodDrawing {
  pod: V1Pod;
  warnings: CoreV1Event[];
}

/**
 * True when two states of a pod draw equally for certain: the same status, timestamps, node, containers and warnings.
 * Most watch updates (a new resourceVersion, an annotation, managed fields) are settled by this walk, which stops at the
 * first difference and draws nothing.
 */
export function sameDrawingInputs(a: PodDrawing, b: PodDrawing): boolean {
  const [pa, pb] = [a.pod, b.pod];
  return deepEqual(pa.status, pb.status)
    && deepEqual(pa.metadata?.creationTimestamp, pb.metadata?.creationTimestamp)
    && deepEqual(pa.metadata?.deletionTimestamp, pb.metadata?.deletionTimestamp)
    && pa.spec?.nodeName === pb.spec?.nodeName
    && sameContainers(pa.spec?.initContainers, pb.spec?.initContainers)
    && sameContainers(pa.spec?.containers, pb.spec?.containers)
    && sameContainers(pa.spec?.ephemeralContainers, pb.spec?.ephemeralContainers)
    && a.warnings.length === b.warnings.length
    && a.warnings.every((e, i) => e.metadata?.name === b.warnings[i].metadata?.name && e.metadata?.resourceVersion === b.warnings[i].metadata?.resourceVersion);
}

type ContainerLike = { name: string; image?: string; restartPolicy?: string };

function sameContainers(a: ContainerLike[] | undefined, b: ContainerLike[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((c, i) => c.name === b[i].name && c.image === b[i].image && c.restartPolicy === b[i].restartPolicy);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Everything a pod row and its container rows show, as one string: a watch event that leaves it unchanged needs no
 * refresh (a refresh closes an open tooltip). Computed at one instant, so ages that merely grew compare equal.
 */
export function podAppearance(node: PodNode, columns: readonly PodColumn[], nowMs: number): string {
  const rows = [presentPod(node, nowMs, columns), ...node.containers.map((c) => presentContainer(c))];
  const tips = [node, ...node.containers].map((n) => tooltipOf(n, nowMs));
  return JSON.stringify([rows, tips]);
}

function presentContainer(node: ContainerNode): TreeItemData {
  const reported = containerStatus(node.pod, node.container, node.kind);
  // Ephemeral containers have no probes and the kubelet never calls them ready: running is all they can be.
  const status = node.kind === 'ephemeral' && reported?.state?.running ? { ...reported, ready: true } : reported;
  const tag = node.kind === 'app' ? undefined : node.kind;
  const restarts = status?.restartCount ? `${status.restartCount} ${status.restartCount === 1 ? 'restart' : 'restarts'}` : undefined;
  // A debug container that ended is history, not a failure: it cannot be removed, so it is shown greyed, whatever its code.
  const spent = node.kind === 'ephemeral' && status?.state?.terminated !== undefined;
  const usage = node.usage;
  return {
    id: node.id,
    label: node.container,
    description: [tag, spent ? `terminated: ${shortState(status)}` : shortState(status), restarts, usage && containerUsageText(node.pod, node.container, usage)].filter(Boolean).join(' · '),
    icon: spent ? SPENT_EPHEMERAL_ICON : containerIcon(status),
    contextValue: containerContextValue(node.kind),
    collapsible: 'none',
  };
}

const SPENT_EPHEMERAL_ICON: IconSpec = { id: 'debug-disconnect', color: 'disabledForeground' };

function presentMessage(node: MessageNode): TreeItemData {
  const icons: Record<MessageNode['severity'], IconSpec> = {
    error: { id: 'error', color: 'errorForeground' },
    warning: { id: 'warning', color: 'editorWarning.foreground' },
    info: { id: 'info' },
    loading: { id: 'loading~spin' },
  };
  return {
    id: node.id,
    label: node.text,
    description: node.detail,
    tooltip: md(node.detail ? `${node.text} (${node.detail})` : node.text),
    icon: node.action ? { id: node.action.icon } : icons[node.severity],
    contextValue: TREE_CONTEXT_VALUES.message,
    collapsible: 'none',
    command: node.action && { command: node.action.command, title: node.text, arguments: node.action.args },
  };
}
