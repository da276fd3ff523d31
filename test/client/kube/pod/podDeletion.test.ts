// The watch a copy, exec or attach keeps on its pod, over the in-memory API server: deletion starting or completing
// fires once (or, for a terminal, each stage once); a pod already terminating at the start, other pods, and changes
// that are no deletion do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchPodDeletion } from '../../../../client/src/kube/pod/podDeletion';
import { FakeCluster, settle } from '../fakes/fakeCluster';
import { until } from '../../../support/until';

const running = { status: { phase: 'Running' } };

test('fires once when the pod\'s deletion starts, not for other pods or other changes', async () => {
  const cluster = new FakeCluster();
  cluster.create('ns', 'web', running);
  cluster.create('ns', 'other', running);
  let fired = 0;
  const watch = await watchPodDeletion(cluster, 'ns', 'web', () => { fired += 1; });
  cluster.update('ns', 'web', (p) => { p.metadata!.labels = { touched: 'yes' }; });
  cluster.remove('ns', 'other');
  await settle();
  assert.equal(fired, 0);
  cluster.update('ns', 'web', (p) => { p.metadata!.deletionTimestamp = new Date(); });
  await settle();
  cluster.remove('ns', 'web');
  await settle();
  assert.equal(fired, 1);
  assert.equal(cluster.openWatches, 0, 'the watch stops itself');
  watch.stop();
});

test('a pod already gone fires at once; one already terminating fires only when it is removed', async () => {
  const cluster = new FakeCluster();
  let gone = 0;
  (await watchPodDeletion(cluster, 'ns', 'missing', () => { gone += 1; })).stop();
  assert.equal(gone, 1);

  cluster.create('ns', 'leaving', { ...running, metadata: { deletionTimestamp: new Date() } });
  let fired = 0;
  await watchPodDeletion(cluster, 'ns', 'leaving', () => { fired += 1; });
  cluster.update('ns', 'leaving', (p) => { p.status = { phase: 'Running', message: 'still going' }; });
  await settle();
  assert.equal(fired, 0, 'copying out of a terminating pod is allowed');
  cluster.remove('ns', 'leaving');
  await settle();
  assert.equal(fired, 1);
});

test('stop() ends the watch without firing', async () => {
  const cluster = new FakeCluster();
  cluster.create('ns', 'web', running);
  let fired = 0;
  const watch = await watchPodDeletion(cluster, 'ns', 'web', () => { fired += 1; });
  watch.stop();
  cluster.remove('ns', 'web');
  await settle();
  assert.deepEqual([fired, cluster.openWatches], [0, 0]);
});

test('untilGone reports the start of the deletion, then the removal, each once; a force delete only the removal', async () => {
  const cluster = new FakeCluster();
  cluster.create('ns', 'web', running);
  cluster.create('ns', 'forced', running);
  const stages: string[] = [];
  await watchPodDeletion(cluster, 'ns', 'web', (s) => stages.push(`web ${s}`), { untilGone: true });
  await watchPodDeletion(cluster, 'ns', 'forced', (s) => stages.push(`forced ${s}`), { untilGone: true });
  cluster.update('ns', 'web', (p) => { p.metadata!.deletionTimestamp = new Date(); });
  await settle();
  cluster.update('ns', 'web', (p) => { p.status = { phase: 'Running', message: 'shutting down' }; });
  await settle();
  assert.deepEqual(stages, ['web started']);
  assert.equal(cluster.openWatches, 2, 'still watching for the removal');
  cluster.remove('ns', 'web');
  cluster.remove('ns', 'forced');
  await settle();
  assert.deepEqual(stages, ['web started', 'web gone', 'forced gone']);
  assert.equal(cluster.openWatches, 0);
});

test('untilGone: a deletion missed while the watch was down shows as gone from the fresh read', async () => {
  const cluster = new FakeCluster();
  cluster.create('ns', 'web', running);
  const stages: string[] = [];
  const watch = await watchPodDeletion(cluster, 'ns', 'web', (s) => stages.push(s), { untilGone: true });
  cluster.dropWatches();
  cluster.remove('ns', 'web');
  await until('the restart to read the pod', () => (stages.length > 0 ? true : undefined), 5_000);
  assert.deepEqual(stages, ['gone']);
  watch.stop();
});
