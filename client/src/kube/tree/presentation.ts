// How each tree node looks (label, description, icon, tooltip, menus), as plain data; podTreeProvider.ts only turns it
// into a vscode.TreeItem. The pod description carries kubectl's columns: STATUS · READY · RESTARTS · AGE.
import { containerStatus } from '../pod/containers';
import { ageColumn, humanDuration, readyColumn } from '../pod/podStatus';
import { containerIcon, podIcon, type IconSpec } from './icons';
import type { PodTreeModel } from './treeModel';
import type { ContainerNode, ContextNode, MessageNode, NamespaceNode, PageNode, PodNode, TreeNode } from './nodes';
import { containerTooltip, md, podTooltip, shortState } from './podTooltip';
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
}

export function presentNode(node: TreeNode, model: PodTreeModel, nowMs: number): TreeItemData {
  switch (node.nodeType) {
    case 'context': return presentContext(node, model);
    case 'namespace': return presentNamespace(node, model);
    case 'page': return presentPage(node, model);
    case 'pod': return presentPod(node, nowMs);
    case 'container': return presentContainer(node);
    case 'message': return presentMessage(node);
  }
}

/** The hover text of a pod or container, built only when the user hovers it. */
export function tooltipOf(node: TreeNode, nowMs: number): string | undefined {
  if (node.nodeType === 'pod') return podTooltip(node.pod, node.summary, nowMs);
  if (node.nodeType === 'container') return containerTooltip(node.pod, node.container, node.kind, nowMs);
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
    // A single chosen namespace opens by itself; in all-namespaces mode the list of namespaces is the overview.
    collapsible: model.namespaceOf(node.contextName) !== undefined ? 'expanded' : 'collapsed',
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
    collapsible: 'collapsed',
  };
}

function presentPod(node: PodNode, nowMs: number): TreeItemData {
  const s = node.summary;
  const restarts = s.restarts === 0 ? undefined
    : `${s.restarts} ${s.restarts === 1 ? 'restart' : 'restarts'}${s.lastRestartMs === undefined ? '' : ` (${humanDuration(nowMs - s.lastRestartMs)} ago)`}`;
  return {
    id: node.id,
    label: node.name,
    description: [s.status || 'Unknown', readyColumn(s), restarts, ageColumn(s, nowMs)].filter(Boolean).join(' · '),
    icon: podIcon(s),
    contextValue: TREE_CONTEXT_VALUES.pod,
    collapsible: 'collapsed',
  };
}

function presentContainer(node: ContainerNode): TreeItemData {
  const reported = containerStatus(node.pod, node.container, node.kind);
  // Ephemeral containers have no probes and the kubelet never calls them ready: running is all they can be.
  const status = node.kind === 'ephemeral' && reported?.state?.running ? { ...reported, ready: true } : reported;
  const tag = node.kind === 'app' ? undefined : node.kind;
  const restarts = status?.restartCount ? `${status.restartCount} ${status.restartCount === 1 ? 'restart' : 'restarts'}` : undefined;
  // A debug container that ended is history, not a failure: it cannot be removed, so it is shown greyed, whatever its code.
  const spent = node.kind === 'ephemeral' && status?.state?.terminated !== undefined;
  return {
    id: node.id,
    label: node.container,
    description: [tag, spent ? `terminated: ${shortState(status)}` : shortState(status), restarts].filter(Boolean).join(' · '),
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
    icon: icons[node.severity],
    contextValue: TREE_CONTEXT_VALUES.message,
    collapsible: 'none',
  };
}
