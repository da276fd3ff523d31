import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { PodInformer, STREAM_QUIET_MS, type InformerState } from '../../../../client/src/kube/cluster/informer';
import { FakeCluster, settle } from '../fakes/fakeCluster';
import { FakeClock } from '../fakes/fakeClock';

interface Recorder {
  events: string[];
  states: InformerState[];
  mirror: Map<string, V1Pod>;
}

function start(cluster: FakeCluster, clock = new FakeClock(), pageSize = 2, namespace?: string) {
  const rec: Recorder = { events: [], states: [], mirror: new Map() };
  const k = (p: V1Pod) => `${p.metadata!.namespace}/${p.metadata!.name}`;
  const informer = new PodInformer(cluster, { namespace }, {
    onAdd: (p) => {
      assert.ok(!rec.mirror.has(k(p)), `duplicate add of ${k(p)}`);
      rec.mirror.set(k(p), p); rec.events.push(`add ${k(p)}`);
    },
    onUpdate: (p) => {
      assert.ok(rec.mirror.has(k(p)), `update of unknown ${k(p)}`);
      rec.mirror.set(k(p), p); rec.events.push(`update ${k(p)}`);
    },
    onDelete: (p) => {
      assert.ok(rec.mirror.delete(k(p)), `delete of unknown ${k(p)}`);
      rec.events.push(`delete ${k(p)}`);
    },
    onState: (s) => rec.states.push(s),
  }, { clock, pageSize });
  informer.start();
  return { informer, rec, clock };
}

/** A cluster holding `pods` (namespace/name) and a started informer over it that has settled. */
async function listed(...pods: string[]) {
  const cluster = new FakeCluster();
  for (const p of pods) cluster.create(p.split('/')[0]!, p.split('/')[1]!);
  const started = start(cluster);
  await settle();
  return { cluster, ...started };
}

/** The listener's picture must equal the server's: same pods, same resourceVersions. */
function assertConverged(cluster: FakeCluster, rec: Recorder, namespace?: string): void {
  const expected = [...cluster.pods.entries()]
    .filter(([, p]) => namespace === undefined || p.metadata!.namespace === namespace)
    .map(([k, p]) => [k, p.metadata!.resourceVersion]).sort();
  const actual = [...rec.mirror.entries()].map(([k, p]) => [k, p.metadata!.resourceVersion]).sort();
  assert.deepEqual(actual, expected);
}

test('initial list pages through continue tokens, then reports synced', async () => {
  const cluster = new FakeCluster();
  for (let i = 0; i < 5; i++) cluster.create('default', `p${i}`);
  const { informer, rec } = start(cluster);
  await settle();
  assert.equal(cluster.listCalls, 3);
  assert.equal(informer.size, 5);
  assert.equal(rec.states.at(-1)?.kind, 'synced');
  assert.ok(rec.states.some((s) => s.kind === 'listing' && s.loaded === 2));
  assertConverged(cluster, rec);
  assert.equal(cluster.openWatches, 1);
});

test('watch events add, change and remove pods; only the changed pod is reported', async () => {
  const { cluster, rec } = await listed('default/a', 'default/b');
  rec.events.length = 0;
  cluster.create('default', 'c');
  cluster.update('default', 'a', (p) => { p.status = { phase: 'Running' }; });
  cluster.remove('default', 'b');
  await settle();
  assert.deepEqual(rec.events, ['add default/c', 'update default/a', 'delete default/b']);
  assertConverged(cluster, rec);
});

test('a watch closed by the server resumes from the last resourceVersion without re-listing', async () => {
  const { cluster, rec } = await listed('default/a');
  cluster.create('default', 'b');
  await settle();
  cluster.dropWatches(null);
  cluster.create('default', 'c'); // happens while disconnected: must be replayed, not lost
  await settle();
  assert.equal(cluster.listCalls, 1);
  assert.equal(cluster.watchCalls, 2);
  assertConverged(cluster, rec);
});

test('410 Gone in the stream re-lists and converges without ghosts or duplicates', async () => {
  const { cluster, rec, clock } = await listed('default/a', 'default/b', 'default/c');
  // Changes the watch never saw, then the history is compacted and the server expires the watch.
  clock.advance(60_000); // the watch has been open a while, so its close is not a quick failure
  cluster.dropWatches(null);
  cluster.remove('default', 'b');
  cluster.create('default', 'd');
  cluster.update('default', 'a', (p) => { p.metadata!.labels = { x: 'y' }; });
  cluster.compact();
  cluster.expireWatches();
  await settle();
  await settle();
  assert.ok(cluster.listCalls >= 2, 'must re-list');
  assertConverged(cluster, rec);
  assert.ok(rec.events.includes('delete default/b'));
  assert.ok(rec.events.includes('add default/d'));
});

test('watching from a compacted version (410 at connect) re-lists', async () => {
  const { cluster, rec, clock } = await listed('default/a');
  clock.advance(60_000);
  cluster.dropWatches(null);
  // While it is disconnected a pod appears and the history is compacted past the informer's version.
  cluster.create('default', 'y');
  cluster.compact();
  await settle();
  await settle();
  assert.equal(cluster.listCalls, 2, 'the 410 at connect must trigger exactly one re-list');
  assertConverged(cluster, rec);
  assert.ok(rec.events.includes('add default/y'));
});

test('a broken watch shows "reconnecting" with the cause, backs off, then re-lists', async () => {
  const { cluster, rec, clock } = await listed('default/a');
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' }) });
  cluster.dropWatches(refused);
  cluster.remove('default', 'a');
  cluster.create('default', 'b');
  await settle();
  const state = rec.states.at(-1)!;
  assert.equal(state.kind, 'reconnecting');
  assert.equal(state.kind === 'reconnecting' && state.problem.kind, 'unreachable');
  assert.match(state.kind === 'reconnecting' ? state.problem.message : '', /ECONNREFUSED/);
  assert.deepEqual(clock.pending(), [1000]);
  clock.advance(1000);
  await settle();
  assert.equal(rec.states.at(-1)!.kind, 'synced');
  assertConverged(cluster, rec);
});

test('a forbidden initial list reports the API status message and retries with growing backoff', async () => {
  const cluster = new FakeCluster();
  cluster.create('team-a', 'a');
  const forbidden = Object.assign(new Error('HTTP-Code: 403'), {
    code: 403,
    body: JSON.stringify({ kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods is forbidden: User "restricted" cannot list resource "pods" in API group "" at the cluster scope' }),
  });
  cluster.listFailures.push(forbidden, forbidden);
  const { rec, clock } = start(cluster);
  await settle();
  const first = rec.states.at(-1)!;
  assert.equal(first.kind, 'error');
  if (first.kind !== 'error') return;
  assert.equal(first.problem.kind, 'forbidden');
  assert.equal(first.problem.message, 'pods is forbidden: User "restricted" cannot list resource "pods" in API group "" at the cluster scope');
  assert.equal(first.retryInMs, 1000);
  clock.advance(1000);
  await settle();
  const second = rec.states.at(-1)!;
  assert.equal(second.kind === 'error' && second.retryInMs, 2000);
  clock.advance(2000);
  await settle();
  assert.equal(rec.states.at(-1)!.kind, 'synced');
  assertConverged(cluster, rec);
});

test('quiet watches that close at once are throttled, not reopened in a hot loop', async () => {
  const { cluster, clock } = await listed();
  const before = cluster.watchCalls;
  cluster.dropWatches(null);
  await settle();
  assert.equal(cluster.watchCalls, before, 'must wait before reopening a watch that closed at once');
  assert.deepEqual(clock.pending(), [1000]);
  clock.advance(1000);
  await settle();
  assert.equal(cluster.watchCalls, before + 1);
});

test('allowed to list but not to watch: the re-list/re-watch cycle backs off instead of spinning', async () => {
  const cluster = new FakeCluster();
  cluster.create('default', 'a');
  const forbidden = Object.assign(new Error('Forbidden'), { statusCode: 403 });
  for (let i = 0; i < 6; i++) cluster.watchFailures.push(forbidden);
  const { rec, clock } = start(cluster);
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) {
    await settle();
    const state = rec.states.at(-1)!;
    assert.equal(state.kind, 'reconnecting');
    if (state.kind === 'reconnecting') {
      assert.equal(state.problem.kind, 'forbidden');
      delays.push(state.retryInMs);
      clock.advance(state.retryInMs);
    }
  }
  assert.deepEqual(delays, [1000, 2000, 4000, 8000, 16000]);
  assertConverged(cluster, rec);
});

test('a non-410 ERROR event in the stream is shown and retried with backoff, not re-listed in a hot loop', async () => {
  const { cluster, rec, clock } = await listed('default/a');
  const lists = cluster.listCalls;
  cluster.errorWatches({ kind: 'Status', code: 500, reason: 'InternalError', message: 'etcdserver: leader changed' });
  await settle();
  const state = rec.states.at(-1)!;
  assert.equal(state.kind, 'reconnecting');
  assert.equal(state.kind === 'reconnecting' && state.problem.message, 'etcdserver: leader changed');
  assert.equal(cluster.listCalls, lists, 'waits for the backoff');
  clock.advance(1000);
  await settle();
  assert.equal(cluster.listCalls, lists + 1);
  assert.equal(rec.states.at(-1)!.kind, 'synced');
});

test('a namespaced informer ignores other namespaces', async () => {
  const cluster = new FakeCluster();
  cluster.create('a', 'p1');
  cluster.create('b', 'p2');
  const { rec } = start(cluster, new FakeClock(), 10, 'a');
  await settle();
  cluster.create('b', 'p3');
  cluster.create('a', 'p4');
  await settle();
  assertConverged(cluster, rec, 'a');
  assert.deepEqual([...rec.mirror.keys()].sort(), ['a/p1', 'a/p4']);
});

test('stop() closes the watch and cancels retries; nothing is reported afterwards', async () => {
  const { cluster, informer, rec, clock } = await listed('default/a');
  informer.stop();
  const count = rec.events.length;
  cluster.create('default', 'b');
  clock.advance(60_000);
  await settle();
  assert.equal(cluster.openWatches, 0);
  assert.equal(rec.events.length, count);
  assert.equal(rec.states.at(-1)!.kind, 'stopped');
});

/**
 * Random creates, updates, deletes, dropped and broken watches, expiries and compactions (and, where the cluster
 * streams lists, streams cut mid-way); afterwards the informer must be synced and equal the server.
 */
async function convergesUnderRandomFaults(cluster: FakeCluster, seed: number, steps: number): Promise<void> {
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const { rec, clock } = start(cluster, new FakeClock(), 3);
  await settle();
  for (let step = 0; step < steps; step++) {
    const pods = [...cluster.pods.values()];
    const r = rnd(100);
    const p = pods.length > 0 ? pods[rnd(pods.length)] : undefined;
    if (r < 35 || !p) cluster.create(`ns${rnd(3)}`, `p${step}`);
    else if (r < 65) cluster.update(p.metadata!.namespace!, p.metadata!.name!, (x) => { x.metadata!.annotations = { step: String(step) }; });
    else if (r < 85) cluster.remove(p.metadata!.namespace!, p.metadata!.name!);
    else if (r < 90) cluster.dropWatches(null);
    else if (r < 92) cluster.dropWatches(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: 'socket hang up' } }));
    else if (r < 94) cluster.cutStreamAfter = rnd(4);
    else if (r < 97) { cluster.compact(); cluster.expireWatches(); }
    else cluster.compact();
    if (rnd(4) === 0) { await settle(); clock.advance(30_000); }
  }
  for (let i = 0; i < 5; i++) { await settle(); clock.advance(30_000); }
  await settle();
  assert.equal(rec.states.at(-1)!.kind, 'synced');
  assertConverged(cluster, rec);
}

test('random drops, expiries and compactions always converge to the server state', async () => {
  await convergesUnderRandomFaults(new FakeCluster(), 42, 400);
});

// ---- streaming lists (WatchList) ----

/** The history is compacted and the watch expired (410) a while after it opened: the informer must list again. */
async function expireAndRelist(cluster: FakeCluster, clock: FakeClock): Promise<void> {
  clock.advance(60_000);
  cluster.compact();
  cluster.expireWatches();
  await settle();
  await settle();
}

/** A cluster holding `pods` whose watch answers streaming lists as `mode` says. */
function streaming(mode: FakeCluster['watchList'], ...pods: string[]): FakeCluster {
  const cluster = new FakeCluster();
  cluster.watchList = mode;
  for (const p of pods) cluster.create(p.split('/')[0]!, p.split('/')[1]!);
  return cluster;
}

test('a streaming list syncs with one request, which then carries the changes (no list, no second watch)', async () => {
  const cluster = streaming('supported', 'default/a', 'default/b', 'default/c');
  const { informer, rec } = start(cluster);
  await settle();
  assert.equal(rec.states.at(-1)?.kind, 'synced');
  assert.equal(informer.size, 3);
  assertConverged(cluster, rec);
  assert.deepEqual([cluster.listCalls, cluster.streamCalls, cluster.watchCalls], [0, 1, 1]);
  rec.events.length = 0;
  cluster.create('default', 'd');
  cluster.update('default', 'a', (p) => { p.status = { phase: 'Running' }; });
  cluster.remove('default', 'b');
  await settle();
  assert.deepEqual(rec.events, ['add default/d', 'update default/a', 'delete default/b']);
  assertConverged(cluster, rec);
  assert.deepEqual([cluster.listCalls, cluster.watchCalls], [0, 1]);
});

test('pods of a streaming list are reported only once its closing bookmark arrives, all at once', async () => {
  const cluster = streaming('supported', 'default/a', 'default/b');
  const { rec } = start(cluster, new FakeClock(), 1);
  await settle();
  const synced = rec.states.findIndex((s) => s.kind === 'synced');
  // Progress was shown while streaming (page size 1), and no pod reached the listener before "synced".
  assert.ok(rec.states.slice(0, synced).some((s) => s.kind === 'listing' && s.loaded === 1));
  assert.deepEqual(rec.events, ['add default/a', 'add default/b']);
});

test('a server that refuses sendInitialEvents (422, WatchList gate off) is paged at once and never asked again', async () => {
  const cluster = streaming('refused', 'default/a', 'default/b', 'default/c');
  const { rec, clock } = start(cluster);
  await settle();
  await settle();
  assert.equal(rec.states.at(-1)?.kind, 'synced');
  assertConverged(cluster, rec);
  assert.equal(cluster.streamCalls, 1);
  assert.equal(cluster.listCalls, 2, 'pages of 2');
  assert.ok(!rec.states.some((s) => s.kind === 'error' || s.kind === 'reconnecting'), 'the refusal is not shown as a failure');
  // A 410 later re-lists: by paging, without asking for a stream again.
  cluster.remove('default', 'a');
  await expireAndRelist(cluster, clock);
  assertConverged(cluster, rec);
  assert.equal(cluster.streamCalls, 1);
  assert.equal(cluster.listCalls, 3, 'two pods left: one page');
});

test('a server that ignores sendInitialEvents (no closing bookmark) is paged after the quiet period, without duplicates', async () => {
  const cluster = streaming('ignored', 'default/a', 'default/b');
  const { rec, clock } = start(cluster);
  await settle();
  assert.equal(rec.states.at(-1)?.kind, 'listing', 'still waiting for the bookmark');
  assert.deepEqual(rec.events, [], 'nothing reported from an unfinished stream');
  assert.equal(cluster.listCalls, 0);
  assert.deepEqual(clock.pending(), [STREAM_QUIET_MS]);
  clock.advance(STREAM_QUIET_MS - 1);
  await settle();
  assert.equal(cluster.listCalls, 0, 'not before the quiet period is over');
  clock.advance(1);
  await settle();
  await settle();
  assert.equal(rec.states.at(-1)?.kind, 'synced');
  assert.equal(cluster.listCalls, 1);
  assertConverged(cluster, rec);
  // The abandoned stream was closed; the paged list's watch is the only one, and later lists page directly.
  assert.equal(cluster.openWatches, 1);
  await expireAndRelist(cluster, clock);
  assert.equal(cluster.streamCalls, 1);
  assertConverged(cluster, rec);
});

test('a stream that stays silent from the start is given up after the list timeout, then paged; it is tried again later', async () => {
  // Silence proves nothing about streaming: a server that hangs, or one that ignored the request for an empty scope.
  const cluster = streaming('ignored');
  const clock = new FakeClock();
  const states: InformerState[] = [];
  const informer = new PodInformer(cluster, {}, { onAdd() {}, onUpdate() {}, onDelete() {}, onState: (st) => states.push(st) }, { clock, listTimeoutMs: 1500 });
  informer.start();
  await settle();
  assert.deepEqual(clock.pending(), [1500]);
  clock.advance(1500);
  await settle();
  assert.equal(states.at(-1)?.kind, 'synced');
  assert.deepEqual([cluster.streamCalls, cluster.listCalls], [1, 1]);
  cluster.create('default', 'a');
  await expireAndRelist(cluster, clock);
  assert.equal(cluster.streamCalls, 2, 'not marked as unable to stream');
  informer.stop();
});

test('a streaming list cut before its bookmark falls back to paging and converges; the next list streams again', async () => {
  const cluster = streaming('supported', 'default/a', 'default/b', 'default/c', 'default/d');
  cluster.cutStreamAfter = 2;
  const { rec, clock } = start(cluster);
  await settle();
  await settle();
  assert.equal(rec.states.at(-1)?.kind, 'synced');
  assertConverged(cluster, rec);
  assert.deepEqual([cluster.streamCalls, cluster.listCalls], [1, 2]);
  assert.ok(!rec.states.some((s) => s.kind === 'error'), 'the paged list succeeded, so no error is shown');
  // A cut is not a refusal: after a 410 the informer streams again.
  cluster.create('default', 'e');
  await expireAndRelist(cluster, clock);
  assert.equal(cluster.streamCalls, 2);
  assertConverged(cluster, rec);
});

test('410 Gone on a streamed watch streams again and converges without ghosts or duplicates', async () => {
  const cluster = streaming('supported', 'default/a', 'default/b', 'default/c');
  const { rec, clock } = start(cluster);
  await settle();
  clock.advance(60_000);
  cluster.dropWatches(null);
  // Missed while disconnected, then compacted: the resumed watch gets 410 and the informer must re-list.
  cluster.remove('default', 'b');
  cluster.create('default', 'd');
  cluster.update('default', 'a', (p) => { p.metadata!.labels = { x: 'y' }; });
  cluster.compact();
  await settle();
  await settle();
  await settle();
  assertConverged(cluster, rec);
  assert.equal(cluster.streamCalls, 2, 're-listed by streaming');
  assert.equal(cluster.listCalls, 0);
  assert.ok(rec.events.includes('delete default/b'));
  assert.ok(rec.events.includes('add default/d'));
  assert.ok(rec.events.includes('update default/a'));
});

test('a streaming list whose connection fails, and whose paged list fails too, reports the error and retries with backoff', async () => {
  const cluster = streaming('supported', 'default/a');
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' }) });
  cluster.watchFailures.push(refused);
  cluster.listFailures.push(refused);
  const { rec, clock } = start(cluster);
  await settle();
  await settle();
  const state = rec.states.at(-1)!;
  assert.equal(state.kind, 'error');
  assert.equal(state.kind === 'error' && state.problem.kind, 'unreachable');
  assert.deepEqual(clock.pending(), [1000]);
  clock.advance(1000);
  await settle();
  assert.equal(rec.states.at(-1)?.kind, 'synced');
  assert.equal(cluster.streamCalls, 1, 'a connection failure is no refusal: the retry streams');
  assertConverged(cluster, rec);
});

test('random drops, expiries, compactions and cut streams always converge with streaming lists too', async () => {
  await convergesUnderRandomFaults(streaming('supported'), 7, 300);
});
