// The VS Code glue's own refreshes: the age ticker redraws only the shown pod rows whose text moved with time, so an
// open tooltip on any other row stays up; expanding a namespace is remembered by the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscodeTypes from 'vscode';
import * as fake from '../fakes/fakeVscode';
import { useFakeVscode } from '../fakes/routeVscode';
import { open, setup } from '../fakes/fakeTree';

useFakeVscode();

test('the age ticker refreshes only rows whose age text changed', async (t) => {
  const { PodTreeProvider } = await import('../../../../client/src/kube/tree/treeProvider.js');
  const { cluster, model } = setup();
  const start = Date.parse('2026-12-06T12:00:00Z');
  let now = start;
  // Ages: "30s" moves every tick; "10d" does not move in an hour.
  cluster.create('web', 'young', { metadata: { creationTimestamp: new Date(start - 30_000) } });
  cluster.create('web', 'old', { metadata: { creationTimestamp: new Date(start - 10 * 86400_000) } });
  const ns = await open(model, 'web');
  const provider = new PodTreeProvider(model, () => now);
  const view = new fake.FakeTreeView();
  provider.attach(view as unknown as vscodeTypes.TreeView<never>);
  t.after(() => { provider.dispose(); model.dispose(); });
  const fired: unknown[] = [];
  provider.onDidChangeTreeData((e) => fired.push(e));
  view.expand.fire({ element: ns });
  assert.equal(model.isExpanded(ns), true, 'the model remembers the opened namespace');
  for (const pod of provider.getChildren(ns)) provider.getTreeItem(pod);

  now = start + 600_000;
  provider.tick();
  assert.deepEqual(fired, [[model.findPod('dev', 'web', 'young')]]);
  for (const pod of provider.getChildren(ns)) provider.getTreeItem(pod);
  fired.length = 0;
  now += 1_000;
  provider.tick();
  assert.deepEqual(fired, [], '"10m" a second later is still "10m"');

  view.collapse.fire({ element: ns });
  assert.equal(model.isExpanded(ns), false);
  now += 3600_000;
  provider.tick();
  assert.deepEqual(fired, [], 'a closed namespace has no rows on screen');
});
