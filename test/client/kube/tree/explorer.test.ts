// The explorer entry and its VS Code glue, run in plain Node over a stand-in `vscode` module: the welcome state when
// there is no kubeconfig, the tree items it hands VS Code, and the filter/refresh commands.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscodeTypes from 'vscode';
import * as fake from '../fakes/fakeVscode';
import { useFakeVscode } from '../fakes/routeVscode';
import { startFakeExplorer } from '../fakes/fakeExplorer';
import { MemoryMemento } from '../../../cluster/explorer/treeWalk';
import { until } from '../../../support/until';

// Route `require('vscode')` to the stand-in before the explorer is loaded.
useFakeVscode();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-explorer-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const context = { globalState: new MemoryMemento(), subscriptions: [] } as unknown as vscodeTypes.ExtensionContext;

const start = (kubeconfigSetting: string) => startFakeExplorer(context, kubeconfigSetting);

test('no kubeconfig: empty tree (so the welcome view shows) and the "missing" context key', async () => {
  const saved = process.env.KUBECONFIG;
  process.env.KUBECONFIG = path.join(dir, 'absent-1') + path.delimiter + path.join(dir, 'absent-2');
  const { explorer, provider, view } = await start('');
  try {
    assert.equal(fake.recorded.contextKeys.get('podscope.kubeconfig.state'), 'missing');
    assert.equal(view.message, undefined);
    assert.deepEqual(provider.getChildren(), []);
  } finally {
    explorer.dispose();
    process.env.KUBECONFIG = saved;
    if (saved === undefined) delete process.env.KUBECONFIG;
  }
});

test('a configured kubeconfig path that does not exist: "unusable", and the view says which file', async () => {
  const { explorer, provider, view } = await start(path.join(dir, 'does-not-exist'));
  try {
    assert.equal(fake.recorded.contextKeys.get('podscope.kubeconfig.state'), 'unusable');
    assert.match(view.message ?? '', /does-not-exist: no such file/);
    assert.deepEqual(provider.getChildren(), []);
  } finally {
    explorer.dispose();
  }
});

test('an unreachable cluster: context item, then an error item that says so; refresh and filter commands work', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
  });
  const file = path.join(dir, 'kubeconfig.yaml');
  fs.writeFileSync(file, [
    'apiVersion: v1', 'kind: Config',
    'clusters:', '- name: c', '  cluster:', `    server: https://127.0.0.1:${port}`,
    'users:', '- name: u', '  user:', '    token: t',
    'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u', '    namespace: team',
    'current-context: dev',
  ].join('\n'));
  const { explorer, provider, view, canSelectMany, events } = await start(file);
  try {
    assert.equal(fake.recorded.contextKeys.get('podscope.kubeconfig.state'), 'loaded');
    const [ctx] = provider.getChildren();
    const ctxItem = provider.getTreeItem(ctx);
    assert.equal(ctxItem.label, 'dev');
    assert.equal(ctxItem.description, 'team');
    assert.equal(ctxItem.contextValue, 'podscope.context.active');
    assert.equal(ctxItem.collapsibleState, fake.TreeItemCollapsibleState.Expanded);
    const message = await until('an error item', () => {
      const [first] = provider.getChildren(ctx);
      const item = provider.getTreeItem(first);
      return /unreachable/.test(item.label) ? item : undefined;
    });
    assert.equal(message.label, `Cluster unreachable: connect ECONNREFUSED 127.0.0.1:${port}`);
    assert.equal((message.iconPath as fake.ThemeIcon).id, 'error');

    for (const id of ['podscope.pods.refresh', 'podscope.pods.filter', 'podscope.pods.clearFilter', 'podscope.pods.chooseContext', 'podscope.pods.chooseNamespace']) {
      assert.ok(fake.recorded.commands.has(id), `${id} registered`);
    }
    (explorer as unknown as { setFilter(f: object): void }).setFilter({ labelSelector: 'app=web' });
    assert.equal(view.description, 'filter: app=web');
    assert.equal(fake.recorded.contextKeys.get('podscope.pods.filtered'), true);
    await fake.commands.executeCommand('podscope.pods.clearFilter');
    assert.equal(view.description, undefined);
    assert.equal(fake.recorded.contextKeys.get('podscope.pods.filtered'), false);
    await fake.commands.executeCommand('podscope.pods.sortByNode');
    assert.equal(view.description, 'sorted by node');
    assert.equal(fake.recorded.contextKeys.get('podscope.pods.sortedByNode'), true);
    await fake.commands.executeCommand('podscope.pods.sortByName');
    assert.equal(view.description, undefined);
    assert.equal(fake.recorded.contextKeys.get('podscope.pods.sortedByNode'), false);
    // The pods view takes multi-select (Delete Pod on several); the Events view says why it has no events.
    assert.equal(canSelectMany, true);
    const note = await until('the events view reports the unreachable cluster', () => {
      const [first] = events.getChildren();
      const item = events.getTreeItem(first);
      return /unreachable/.test(item.label) ? item : undefined;
    });
    assert.equal((note.iconPath as fake.ThemeIcon).id, 'error');
    await fake.commands.executeCommand('podscope.pods.refresh');
    assert.equal(provider.getTreeItem(provider.getChildren()[0]).label, 'dev');
  } finally {
    explorer.dispose();
  }
});
