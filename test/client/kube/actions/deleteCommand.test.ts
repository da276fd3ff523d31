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
  return podActionCommands['podscope.pod.delete']({ deps, documents: undefined as never });
}

test('Delete Pod on a multi-selection deletes every selected pod after one confirmation that lists them', async () => {
  const { cluster, model } = setup();
  for (const n of ['a', 'b', 'c']) cluster.create('web', n);
  await open(model, 'web');
  const [a, b, c] = ['a', 'b', 'c'].map((n) => model.findPod('dev', 'web', n)!);
  const force = (items: { label: string }[]) => items.find((i) => i.label === 'Force delete');
  const FORCE = 'immediately (force: the containers may still be running when the object is gone)';
  fake.recorded.messages.length = 0;
  fake.recorded.answers.push(force, 'Delete');

  const run = await deleteHandler(cluster);
  await run(a, [a, c]);
  await settle();
  assert.deepEqual(fake.recorded.messages, [
    `warning: Delete these 2 pods ${FORCE}?\n\nweb/a\nweb/c`,
    'info: Podscope: 2 pods deleted: a, c.',
  ]);
  assert.deepEqual([...cluster.pods.keys()], ['web/b']);

  // Run on a pod outside the selection: only that pod.
  fake.recorded.messages.length = 0;
  fake.recorded.answers.push(force, 'Delete');
  cluster.create('web', 'd');
  await settle();
  await run(b, [model.findPod('dev', 'web', 'd')!, c]);
  assert.deepEqual(fake.recorded.messages, [`warning: Delete pod "b" in namespace "web" ${FORCE}?`, 'info: Podscope: pod "b" deleted.']);
  assert.deepEqual([...cluster.pods.keys()], ['web/d']);
});
