// The tree's own commands: refresh, filter, sort by node or name, choose context, choose namespace. Each is a factory over the explorer, an
// entry of the extension's one command table (client/src/commands.ts).
import * as vscode from 'vscode';
import { warn } from '../../notify';
import type { ClusterApi } from '../cluster/clusterApi';
import type { Connection } from '../cluster/connection';
import { describeConnectionError, problemLabel } from '../cluster/connectionError';
import type { CommandFactory } from '../pod/podActionDeps';
import { chooseKubeconfig } from './chooseKubeconfig';
import type { PodTreeModel } from './treeModel';
import type { ContextNode, TreeNode } from './nodes';
import type { PodFilter } from './podFilter';
import { SHOW_ALL_NAMESPACES_COMMAND } from './treeIds';

/** What the commands need from the explorer. */
export interface TreeCommandHost {
  readonly model: PodTreeModel;
  readonly connection: Connection | undefined;
  readonly treeView: vscode.TreeView<TreeNode>;
  reload(): Promise<void>;
  setFilter(filter: PodFilter): void;
  setSortByNode(on: boolean): void;
}

// Kubernetes label selector syntax, loosely: keys, =, ==, !=, in (...), notin (...), exists, !key.
const SELECTOR_TERM = /^\s*(!?[A-Za-z0-9._/-]+(\s*(=|==|!=)\s*[A-Za-z0-9._-]*|\s+(in|notin)\s*\([^()]*\))?)\s*$/;

export interface TreeCommandContext {
  /** Undefined until the explorer started. */
  readonly explorer: TreeCommandHost | undefined;
}

/** The explorer starts before any command can run; the guard only keeps a too-early call harmless. */
function onExplorer(run: (host: TreeCommandHost, node?: TreeNode) => unknown): CommandFactory<TreeCommandContext> {
  return (ctx) => (arg) => (ctx.explorer ? run(ctx.explorer, arg as TreeNode | undefined) : undefined);
}

export const treeCommands = {
  'podscope.pods.refresh': onExplorer(async (host, node) => {
    if (node?.nodeType === 'context') host.model.refresh(node.contextName);
    else await host.reload();
  }),
  'podscope.pods.filter': onExplorer((host) => chooseFilter(host)),
  'podscope.pods.clearFilter': onExplorer((host) => host.setFilter({})),
  'podscope.pods.sortByNode': onExplorer((host) => host.setSortByNode(true)),
  'podscope.pods.sortByName': onExplorer((host) => host.setSortByNode(false)),
  'podscope.pods.chooseContext': onExplorer((host, node) => chooseContext(host, node)),
  'podscope.pods.chooseNamespace': onExplorer((host, node) => chooseNamespace(host, node)),
  [SHOW_ALL_NAMESPACES_COMMAND]: onExplorer((host, node) => showAllNamespaces(host, node)),
  'podscope.pods.chooseKubeconfig': () => () => chooseKubeconfig(),
};

async function chooseFilter(host: TreeCommandHost): Promise<void> {
  const current = host.model.currentFilter;
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(symbol-text) By pod name…', description: current.name ?? 'substring, or a glob with * and ?', key: 'name' as const },
      { label: '$(tag) By label selector…', description: current.labelSelector ?? 'e.g. app=web,tier!=cache (applied by the API server)', key: 'labels' as const },
      { label: '$(clear-all) Clear filter', key: 'clear' as const },
    ],
    { title: 'Filter pods' },
  );
  if (!picked) return;
  if (picked.key === 'clear') return host.setFilter({});
  if (picked.key === 'name') {
    const name = await vscode.window.showInputBox({ title: 'Show pods whose name contains (or matches the glob)', value: current.name ?? '' });
    if (name !== undefined) host.setFilter({ ...current, name: name.trim() || undefined });
    return;
  }
  const selector = await vscode.window.showInputBox({
    title: 'Label selector',
    value: current.labelSelector ?? '',
    validateInput: (v) => v.trim() === '' || v.split(/,(?![^(]*\))/).every((t) => SELECTOR_TERM.test(t)) ? undefined : 'Not a label selector, e.g. app=web,tier!=cache or env in (dev,qa)',
  });
  if (selector !== undefined) host.setFilter({ ...current, labelSelector: selector.trim() || undefined });
}

async function chooseContext(host: TreeCommandHost, node?: TreeNode): Promise<void> {
  const connection = host.connection;
  if (!connection) return warn('no kubeconfig is loaded.');
  let name = node?.nodeType === 'context' ? node.contextName : undefined;
  if (!name) {
    const active = connection.activeContext();
    const picked = await vscode.window.showQuickPick(
      connection.contexts().map((c) => {
        const d = connection.contextDetail(c);
        return { label: c, description: c === active ? 'active' : undefined, detail: [d.cluster && `cluster ${d.cluster}`, d.user && `user ${d.user}`].filter(Boolean).join(' · ') };
      }),
      { title: 'Choose the context Podscope shows (your kubeconfig is not changed)' },
    );
    name = picked?.label;
  }
  if (!name) return;
  await connection.setActiveContext(name);
  host.model.touchContexts();
  await host.treeView.reveal(host.model.contextNode(name), { expand: true, focus: false, select: true });
}

async function chooseNamespace(host: TreeCommandHost, node?: TreeNode): Promise<void> {
  const connection = host.connection;
  if (!connection) return warn('no kubeconfig is loaded.');
  const contextName = contextOf(node) ?? connection.activeContext();
  if (!contextName) return;
  const namespace = await pickNamespace(connection.api(contextName), contextName, connection.namespaceOf(contextName));
  if (namespace === undefined) return;
  await connection.setNamespace(contextName, namespace === ALL ? undefined : namespace);
  host.model.rescope(contextName);
}

/** The empty-namespace row's way out (its argument is the context name), or a tree node's context, or the active one. */
async function showAllNamespaces(host: TreeCommandHost, arg?: TreeNode | string): Promise<void> {
  const connection = host.connection;
  if (!connection) return warn('no kubeconfig is loaded.');
  const contextName = typeof arg === 'string' ? arg : contextOf(arg) ?? connection.activeContext();
  if (!contextName || !connection.contexts().includes(contextName)) return;
  await connection.setNamespace(contextName, undefined);
  host.model.rescope(contextName);
}

const ALL = Symbol('all namespaces');

type NamespaceItem = vscode.QuickPickItem & { value: string | typeof ALL | undefined };

/** A quick pick of the cluster's namespaces; the user may type a name, since a restricted user often cannot list them. */
async function pickNamespace(api: ClusterApi, contextName: string, current: string | undefined): Promise<string | typeof ALL | undefined> {
  const qp = vscode.window.createQuickPick<NamespaceItem>();
  qp.title = `Namespace to show for ${contextName}`;
  qp.placeholder = 'Pick a namespace, or type one';
  qp.busy = true;
  const allItem: NamespaceItem = { label: '$(globe) All namespaces', value: ALL, description: current === undefined ? 'current' : undefined };
  let listed: NamespaceItem[] = [];
  const render = () => {
    const typed = qp.value.trim();
    const custom: NamespaceItem[] = typed && !listed.some((i) => i.value === typed)
      ? [{ label: typed, description: 'use this namespace', value: typed, alwaysShow: true }]
      : [];
    qp.items = [...custom, allItem, ...listed];
  };
  render();
  qp.onDidChangeValue(render);
  qp.show();
  api.listNamespaces().then(
    (list) => {
      const names = list.items.map((n) => n.metadata?.name ?? '').filter(Boolean).sort();
      listed = names.map((n) => ({ label: n, value: n, description: n === current ? 'current' : undefined }));
    },
    (err: unknown) => {
      listed = [{ label: '$(warning) Cannot list namespaces: type one', value: undefined, detail: problemLabel(describeConnectionError(err)), alwaysShow: true }];
    },
  ).finally(() => { qp.busy = false; render(); });
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const value = qp.selectedItems[0]?.value;
      if (value === undefined) return;
      resolve(value);
      qp.hide();
    });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
  });
}

function contextOf(node: TreeNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.nodeType === 'context') return (node as ContextNode).contextName;
  if ('contextName' in node && typeof node.contextName === 'string') return node.contextName;
  return undefined;
}
