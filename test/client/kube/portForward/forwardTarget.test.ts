// The switch logic of a Service or workload forward, against a fake pod watch and a fake clock: which pod new
// connections go to, when it changes (and only then), which pods count as gone, and what the session list shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SelectorTarget, switchHistory, targetStatus } from '../../../../client/src/kube/portForward/forwardTarget';
import { FakeClock } from '../fakes/fakeClock';
import { FakePodWatcher, forwardPod } from '../fakes/fakePodWatcher';

function started(waitMs = 1_000) {
  const watcher = new FakePodWatcher();
  const clock = new FakeClock();
  const target = new SelectorTarget('deployment/web', { kind: 'named', name: 'http' }, watcher.factory, { clock, waitMs });
  const gone: string[] = [];
  target.onPodGone((uid) => gone.push(uid));
  target.start();
  return { watcher, clock, target, gone };
}

const utc = (ms: number) => new Date(ms).toISOString().slice(11, 19);

test('the first pod is kubectl\'s choice; the current pod is kept while it serves, even when a "more active" one appears', async () => {
  const { watcher, target } = started();
  watcher.put(forwardPod('web-new', { readySince: 2_000 }));
  watcher.put(forwardPod('web-old', { readySince: 1_000 }));
  assert.equal(target.currentPod, 'web-new', 'the only pod when the first choice was made');
  watcher.remove('web-new');
  assert.equal(target.currentPod, 'web-old');
  watcher.put(forwardPod('web-older', { readySince: 500 }));
  assert.equal(target.currentPod, 'web-old', 'no switch while the current pod serves');
  assert.deepEqual(await target.next(), { pod: 'web-old', uid: 'uid-web-old', port: 8080 });
});

test('a pod that stops serving hands over to the best ready one; only a deleted or finished pod counts as gone', () => {
  const { watcher, clock, target, gone } = started();
  watcher.put(forwardPod('web-a', { readySince: 1_000 }));
  watcher.put(forwardPod('web-b', { readySince: 3_000 }));
  watcher.put(forwardPod('web-c', { readySince: 2_000 }));
  assert.equal(target.currentPod, 'web-a');

  clock.advance(1_000);
  watcher.put(forwardPod('web-a', { ready: false }));
  assert.equal(target.currentPod, 'web-c', 'ready longest among the rest');
  assert.deepEqual(gone, [], 'a pod that is only not ready keeps its connections');

  clock.advance(1_000);
  watcher.put(forwardPod('web-c', { readySince: 2_000, deleting: clock.now() }));
  assert.equal(target.currentPod, 'web-b', 'a terminating pod takes no new connections');
  assert.deepEqual(gone, []);
  watcher.remove('web-c');
  assert.deepEqual(gone, ['uid-web-c']);

  watcher.put(forwardPod('web-b', { phase: 'Failed', ready: false }));
  assert.deepEqual(gone, ['uid-web-c', 'uid-web-b'], 'an evicted or failed pod is gone too');
  assert.equal(target.currentPod, undefined);
  assert.deepEqual(target.switches.map((s) => [s.from, s.to, s.at - 1_000_000]), [['web-a', 'web-c', 1_000], ['web-c', 'web-b', 2_000]]);
  assert.equal(targetStatus(target, utc), `no ready pod (was web-c, switched ${utc(1_002_000)})`);
});

test('a StatefulSet pod replaced under the same name is a switch to a new pod', () => {
  const { watcher, target, gone } = started();
  watcher.put(forwardPod('db-0', { uid: 'first' }));
  watcher.remove('db-0');
  watcher.put(forwardPod('db-0', { uid: 'second', httpPort: 5433 }));
  assert.deepEqual(gone, ['first']);
  assert.deepEqual(target.switches.map((s) => [s.from, s.to]), [['db-0', 'db-0']]);
  return target.next().then((e) => assert.deepEqual(e, { pod: 'db-0', uid: 'second', port: 5433 }));
});

test('the session list text: current pod, each switch, and a watch that is reconnecting', () => {
  const { watcher, clock, target } = started();
  watcher.put(forwardPod('web-xyz'));
  assert.equal(targetStatus(target, utc), '→ web-xyz');
  clock.advance(4_000);
  watcher.remove('web-xyz');
  watcher.put(forwardPod('web-abc'));
  clock.advance(60_000);
  watcher.remove('web-abc');
  watcher.put(forwardPod('web-def'));
  assert.equal(targetStatus(target, utc), `→ web-def (was web-abc, switched ${utc(1_064_000)})`);
  assert.equal(switchHistory(target.switches, utc), `web-xyz → web-abc at ${utc(1_004_000)}; web-abc → web-def at ${utc(1_064_000)}`);
  watcher.reconnecting('Cluster unreachable: connect ECONNREFUSED 127.0.0.1:6443');
  assert.equal(targetStatus(target, utc), `→ web-def (was web-abc, switched ${utc(1_064_000)}) · Cluster unreachable: connect ECONNREFUSED 127.0.0.1:6443`);
});

test('a named port the chosen pod lacks, and a stopped forward, reject the waiting connection with a message', async () => {
  const { watcher, target } = started();
  const p = forwardPod('web-a');
  p.spec!.containers[0].ports = [{ name: 'grpc', containerPort: 9000 }];
  watcher.put(p);
  await assert.rejects(target.next(), { message: "Pod 'web-a' does not have a named port 'http'" });
  watcher.remove('web-a');
  const waiting = target.next();
  target.stop();
  await assert.rejects(waiting, { message: 'the forward to deployment/web was stopped' });
});
