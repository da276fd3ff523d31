import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1ContainerState, V1Pod } from '@kubernetes/client-node';
import { waitForDebugContainer } from '../../../../client/src/kube/debug/waitForDebugContainer';
import type { DebugState } from '../../../../client/src/kube/debug/debugContainer';
import { FakeCluster, settle } from '../fakes/fakeCluster';

const NAME = 'debugger-abcde';

function withDebugger(): { cluster: FakeCluster; added: V1Pod } {
  const cluster = new FakeCluster();
  cluster.create('ns', 'other');
  cluster.create('ns', 'web', { spec: { containers: [{ name: 'app', image: 'a' }] }, status: { phase: 'Running' } });
  // What the PATCH returns: the container in the spec, no status for it yet.
  const added = cluster.update('ns', 'web', (p) => { p.spec!.ephemeralContainers = [{ name: NAME, image: 'busybox:1.36', stdin: true, tty: true }]; });
  return { cluster, added: structuredClone(added) };
}

function report(cluster: FakeCluster, state: V1ContainerState): void {
  cluster.update('ns', 'web', (p) => {
    p.status!.ephemeralContainerStatuses = [{ name: NAME, image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, state }];
  });
}

test('follows the container from no status through waiting to running, reporting each state', async () => {
  const { cluster, added } = withDebugger();
  const seen: DebugState['kind'][] = [];
  const waiting = waitForDebugContainer(cluster, added, NAME, { onState: (s) => seen.push(s.kind) });
  await settle();
  report(cluster, { waiting: { reason: 'ContainerCreating' } });
  cluster.update('ns', 'other', (p) => { p.metadata!.labels = { touched: 'yes' }; });
  await settle();
  report(cluster, { running: { startedAt: new Date(0) } });
  const result = await waiting;
  assert.equal(result.kind, 'running');
  assert.deepEqual(seen, ['absent', 'waiting', 'running'], 'another pod\'s change is no state of this debugger');
});

test('an image that cannot be pulled ends the wait with the reason', async () => {
  const { cluster, added } = withDebugger();
  const waiting = waitForDebugContainer(cluster, added, NAME);
  await settle();
  report(cluster, { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"' } });
  const result = await waiting;
  assert.equal(result.kind, 'failed');
  assert.deepEqual(result.kind === 'failed' && result.state, { kind: 'failed', reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"' });
});

test('the pod deleted meanwhile, and the user cancelling, end the wait', async () => {
  const gone = withDebugger();
  const waiting = waitForDebugContainer(gone.cluster, gone.added, NAME);
  await settle();
  gone.cluster.remove('ns', 'web');
  assert.deepEqual(await waiting, { kind: 'podGone' });

  const stopped = withDebugger();
  const abort = new AbortController();
  const cancelled = waitForDebugContainer(stopped.cluster, stopped.added, NAME, { signal: abort.signal });
  await settle();
  abort.abort();
  assert.deepEqual(await cancelled, { kind: 'cancelled' });
  assert.equal(stopped.cluster.openWatches, 0, 'the watch is stopped');
});

test('waiting for a stop: a running debugger is not the end, its termination is', async () => {
  const { cluster } = withDebugger();
  report(cluster, { running: { startedAt: new Date(0) } });
  const waiting = waitForDebugContainer(cluster, await cluster.readPod('ns', 'web'), NAME, { until: ['terminated'] });
  await settle();
  report(cluster, { terminated: { exitCode: 130, reason: 'Error' } });
  const result = await waiting;
  assert.equal(result.kind, 'terminated');
});

test('a watch that ends is resumed from a fresh read, and a state reached meanwhile is not missed', async () => {
  const { cluster, added } = withDebugger();
  let watches = 0;
  const flaky = {
    readPod: (ns: string, n: string) => cluster.readPod(ns, n),
    watchPods: (...a: Parameters<FakeCluster['watchPods']>) => {
      watches++;
      if (watches === 1) {
        // The first watch drops at once; the container starts before the next one opens.
        queueMicrotask(() => { report(cluster, { running: { startedAt: new Date(0) } }); a[1].onDone(new Error('connection reset')); });
        return { stop() {} };
      }
      return cluster.watchPods(...a);
    },
  };
  const result = await waitForDebugContainer(flaky, added, NAME);
  assert.equal(result.kind, 'running');
  assert.equal(watches, 1, 'the fresh read already shows it running: no second watch');
});
