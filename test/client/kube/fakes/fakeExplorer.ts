// The explorer started as the extension starts it, over the stand-in `vscode` (route it first: useFakeVscode()), with
// the tree's commands registered as the extension's one loop registers them, and its two views' providers at hand.
import type * as vscodeTypes from 'vscode';
import * as fake from './fakeVscode';

export interface ViewProvider {
  getChildren(node?: unknown): unknown[];
  getTreeItem(node: unknown): fake.TreeItem;
  resolveTreeItem(item: fake.TreeItem, node: unknown): fake.TreeItem;
}

export async function startFakeExplorer(context: vscodeTypes.ExtensionContext, kubeconfigSetting: string) {
  fake.recorded.settings.set('podscope.kubeconfig', kubeconfigSetting);
  const { startExplorer } = await import('../../../../client/src/kube/index.js');
  const explorer = await startExplorer(context);
  const { treeCommands } = await import('../../../../client/src/kube/tree/treeCommands.js');
  for (const [id, factory] of Object.entries(treeCommands)) fake.commands.registerCommand(id, factory({ explorer }) as (...args: unknown[]) => unknown);
  const { provider, view, canSelectMany } = fake.latestView('podscope.pods')!;
  const events = fake.latestView('podscope.events')!;
  return { explorer, provider: provider as ViewProvider, view, canSelectMany, events: events.provider as ViewProvider };
}
