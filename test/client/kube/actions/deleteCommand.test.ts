// Delete Pod from the tree with several pods selected: one choice, one confirmation naming every pod, then each is
// deleted (as `kubectl delete pod a b`); run on a pod outside the selection, it deletes just that pod.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fake from '../fakes/fakeVscode';
import { useFakeVscode } from '../fakes/routeVscode';
import { settle } from '../fakes/fakeCluster';
import { open, setup } from '../fakes/fakeTree';

useFakeVscode();

async function deleteHandler(cluster: ReturnType<typeof setup>['cluster']) {
  const { podActionCommands } = await import('../../../../client/src/kube/actions/podActionCommands.js');
  const deps = { apiFor: () => cluster, activeScope: () => undefined };
  return podActionCommands['podscope.pod.delete']({ deps, documents: undefined as never, forwards: undefined as never });
}

test('Delete Pod on a multi-selection deletes every selected pod after one confirmation that lists them', async (t) => {
  const { cluster, model } = setup();
  for (const n of ['a', 'b', 'c']) cluster.create('web', n);
  await open(model, 'web');
  const [a, b, c] = ['a', 'b', 'c'].map((n) => model.findPod('dev', 'web', n)!);
  const asked: string[] = [];
  const original = { ...fake.window };
  t.after(() => Object.assign(fake.window, original));
  fake.window.showQuickPick = async (...args: unknown[]) => {
    const [items, options] = args as [{ label: string }[], { title: string }];
    asked.push(options.title);
    return items.find((i) => i.label === 'Force delete');
  };
  fake.window.showWarningMessage = async (...args: unknown[]) => { asked.push(args[0] as string); return 'Delete'; };

  const run = await deleteHandler(cluster);
  await run(a, [a, c]);
  await settle();
  assert.deepEqual(asked, [
    'Delete 2 pods',
    'Delete these 2 pods immediately (force: the containers may still be running when the object is gone)?\n\nweb/a\nweb/c',
  ]);
  assert.deepEqual([...cluster.pods.keys()], ['web/b']);

  // Right-clicked outside the selection: only that pod.
  asked.length = 0;
  cluster.create('web', 'd');
  await run(b, [model.findPod('dev', 'web', 'd') ?? c]);
  assert.deepEqual(asked, ['Delete pod web/b', 'Delete pod "b" in namespace "web" immediately (force: the containers may still be running when the object is gone)?']);
  assert.deepEqual([...cluster.pods.keys()], ['web/d']);
});
