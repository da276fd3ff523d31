// The namespace each context shows is remembered per context in the extension's globalState (a kubeconfig context is
// the same cluster in every window, as kubectl's own per-context namespace is): switching to another context and back,
// or reopening the window, shows the namespace last chosen for that context. Over the stand-in `vscode` module.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscodeTypes from 'vscode';
import * as fake from '../fakes/fakeVscode';
import { useFakeVscode } from '../fakes/routeVscode';
import { startFakeExplorer } from '../fakes/fakeExplorer';
import { MemoryMemento } from '../../../cluster/explorer/treeWalk';

useFakeVscode();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-ns-memory-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// No workspaceState: the choice must live in globalState, and using the other would throw here.
const globalState = new MemoryMemento();
const context = { globalState, subscriptions: [] } as unknown as vscodeTypes.ExtensionContext;

/** Starts the explorer as a new window would, over the same globalState. */
async function openWindow(kubeconfig: string) {
  const { explorer, provider } = await startFakeExplorer(context, kubeconfig);
  /** Each context row as "name: description", the active one starred. */
  const contexts = () => provider.getChildren().map((n) => {
    const item = provider.getTreeItem(n);
    return `${item.label}${item.contextValue === 'podscope.context.active' ? '*' : ''}: ${item.description}`;
  });
  const node = (name: string) => provider.getChildren().find((n) => provider.getTreeItem(n).label === name);
  return { explorer, contexts, node };
}

test('each context keeps its chosen namespace across context switches and a reopened window', async () => {
  const file = path.join(dir, 'kubeconfig.yaml');
  // Port 9 (discard) on loopback: nothing answers, and nothing here needs it to.
  fs.writeFileSync(file, [
    'apiVersion: v1', 'kind: Config',
    'clusters:', '- name: c', '  cluster:', '    server: https://127.0.0.1:9',
    'users:', '- name: u', '  user:', '    token: t',
    'contexts:',
    '- name: dev', '  context:', '    cluster: c', '    user: u', '    namespace: team',
    '- name: prod', '  context:', '    cluster: c', '    user: u', '    namespace: ops',
    'current-context: dev',
  ].join('\n'));

  const first = await openWindow(file);
  try {
    assert.deepEqual(first.contexts(), ['dev*: team', 'prod: ops'], "until chosen, the kubeconfig context's namespace");
    // The empty namespace's "Show all namespaces" row runs this with the context's name.
    await fake.commands.executeCommand('podscope.pods.showAllNamespaces', 'dev');
    assert.deepEqual(first.contexts(), ['dev*: all namespaces', 'prod: ops']);
    await fake.commands.executeCommand('podscope.pods.chooseContext', first.node('prod'));
    assert.deepEqual(first.contexts(), ['dev: all namespaces', 'prod*: ops']);
    await fake.commands.executeCommand('podscope.pods.chooseContext', first.node('dev'));
    assert.deepEqual(first.contexts(), ['dev*: all namespaces', 'prod: ops'], 'switching back restores the choice');
    await fake.commands.executeCommand('podscope.pods.chooseContext', first.node('prod'));
  } finally {
    first.explorer.dispose();
  }

  const second = await openWindow(file);
  try {
    assert.deepEqual(second.contexts(), ['dev: all namespaces', 'prod*: ops'], 'a new window restores the context and each namespace');
  } finally {
    second.explorer.dispose();
  }
});
