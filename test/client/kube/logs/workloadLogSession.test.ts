import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import type { ConnectionProblem } from '../../../../client/src/kube/cluster/connectionError';
import type { InformerListener } from '../../../../client/src/kube/cluster/informer';
import type { LogStreamState } from '../../../../client/src/kube/logs/logStream';
import { LogOpenError } from '../../../../client/src/kube/logs/logTransport';
import { POD_DELETED_MARKER, WorkloadLogSession, type WorkloadLogSpec } from '../../../../client/src/kube/logs/workloadLogSession';
import { FakeLogServer, timestamps } from '../fakes/fakeLogServer';
import { until } from '../../../support/until';

/** The pods of a selector as a watch delivers them: the test adds, updates and deletes them. */
class FakePodFeed {
  listener: InformerListener | undefined;
  readonly pods = new Map<string, V1Pod>();
  stops = 0;
  constructor(private readonly initial: V1Pod[]) {}
  readonly factory = (listener: InformerListener) => {
    this.listener = listener;
    return {
      start: () => {
        listener.onState({ kind: 'listing', loaded: 0 });
        for (const p of this.initial) this.add(p);
        listener.onState({ kind: 'synced' });
      },
      stop: () => { this.stops++; },
    };
  };
  add(pod: V1Pod): void {
    this.pods.set(pod.metadata!.name!, pod);
    this.listener?.onAdd(pod);
  }
  update(pod: V1Pod): void {
    const previous = this.pods.get(pod.metadata!.name!)!;
    this.pods.set(pod.metadata!.name!, pod);
    this.listener?.onUpdate(pod, previous);
  }
  delete(name: string): void {
    const pod = this.pods.get(name)!;
    this.pods.delete(name);
    this.listener?.onDelete(pod);
  }
}

function pod(name: string, containers: string[] = ['app'], phase = 'Running'): V1Pod {
  return {
    metadata: { name, namespace: 'ns', uid: `uid-${name}` },
    spec: { containers: containers.map((c) => ({ name: c })) },
    status: { phase },
  };
}

interface Harness {
  s: WorkloadLogSession;
  feed: FakePodFeed;
  servers: Map<string, FakeLogServer>;
  states: [string, LogStreamState][];
  notices: string[];
}

/** `slow`: log requests answered only after this many ms, by `pod/container`. */
function harness(initial: V1Pod[], spec: Partial<WorkloadLogSpec> = {}, slow: Record<string, number> = {}): Harness {
  const feed = new FakePodFeed(initial);
  const servers = new Map<string, FakeLogServer>();
  const server = (key: string) => {
    if (!servers.has(key)) servers.set(key, new FakeLogServer());
    return servers.get(key)!;
  };
  const states: [string, LogStreamState][] = [];
  const notices: string[] = [];
  const s = new WorkloadLogSession(
    { namespace: 'ns', workload: 'deployment/web', labelSelector: 'app=web', containers: undefined, follow: true, timestamps: false, maxLogRequests: 5, ...spec },
    feed.factory,
    (p, c) => async (request, onChunk) => {
      const delay = slow[`${p}/${c}`];
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return server(`${p}/${c}`).open(request, onChunk);
    },
    { changed() {}, state: (k, st) => { states.push([k, st]); }, notice: (t) => { notices.push(t); } },
    { maxLines: 10_000, quietMs: 300, goneGraceMs: 20, stream: { wait: async () => {} } },
  );
  // Servers exist before the session asks, so tests can fill them first.
  for (const p of initial) for (const c of p.spec!.containers) server(`${p.metadata!.name}/${c.name}`);
  return { s, feed, servers, states, notices };
}

const lines = (s: WorkloadLogSession) => s.buffer.text().split('\n').filter((l) => l !== '');

test('without follow: every pod and container once, interleaved by time with kubectl prefixes', async () => {
  const ts = timestamps(6);
  const h = harness([pod('web-a', ['app', 'proxy']), pod('web-b')], { follow: false });
  [0, 3].forEach((i) => h.servers.get('web-a/app')!.append(ts[i], `a-app${i}`));
  [1, 4].forEach((i) => h.servers.get('web-a/proxy')!.append(ts[i], `a-proxy${i}`));
  [2, 5].forEach((i) => h.servers.get('web-b/app')!.append(ts[i], `b${i}`));
  await h.s.start();
  assert.deepEqual(lines(h.s), [
    '[pod/web-a/app] a-app0', '[pod/web-a/proxy] a-proxy1', '[pod/web-b/app] b2',
    '[pod/web-a/app] a-app3', '[pod/web-a/proxy] a-proxy4', '[pod/web-b/app] b5',
  ]);
  assert.equal(h.s.summary(), 'ended');
  assert.equal(h.feed.stops, 1, 'a snapshot: the watch is not kept');
});

test('chosen containers only; a pod joins when its containers have started', async () => {
  const ts = timestamps(4);
  const h = harness([pod('web-a', ['app', 'proxy'])], { containers: ['app'] });
  h.servers.get('web-a/app')!.append(ts[0], 'a0');
  h.servers.get('web-a/proxy')!.append(ts[0], 'never shown');
  const done = h.s.start();
  await until('lines(h.s).length === 1', () => lines(h.s).length === 1, 5000);
  const pending = pod('web-b', ['app', 'proxy'], 'Pending');
  h.feed.add(pending);
  assert.deepEqual(h.s.streamingPods, ['web-a'], 'no log request for a pod whose containers have not started');
  h.servers.set('web-b/app', new FakeLogServer());
  h.servers.get('web-b/app')!.append(ts[1], 'b1');
  h.feed.update(pod('web-b', ['app', 'proxy']));
  await until('lines(h.s).length === 2', () => lines(h.s).length === 2, 5000);
  // One line at a time: lines of two pods that arrive together are ordered by the merger's quiet window, which a
  // loaded machine can outlast (b3 shown before a2 once in CI); the time order across pods has its own tests.
  h.servers.get('web-a/app')!.append(ts[2], 'a2');
  await until('lines(h.s).length === 3', () => lines(h.s).length === 3, 5000);
  h.servers.get('web-b/app')!.append(ts[3], 'b3');
  await until('lines(h.s).length === 4', () => lines(h.s).length === 4, 5000);
  assert.deepEqual(lines(h.s), ['[pod/web-a/app] a0', '[pod/web-b/app] b1', '[pod/web-a/app] a2', '[pod/web-b/app] b3']);
  assert.deepEqual(h.s.prefixes(), ['[pod/web-a/app] ', '[pod/web-b/app] ']);
  h.s.stop();
  await done;
});

test('a pod that joins late: its backlog is placed by time among lines not yet released', async () => {
  const ts = timestamps(6);
  const h = harness([pod('web-a')]);
  const done = h.s.start();
  h.servers.get('web-a/app')!.append(ts[0], 'a0');
  await until('lines(h.s).length === 1', () => lines(h.s).length === 1, 5000);
  // The newcomer's backlog (b1, b3) is older than a4, which arrives just as it joins.
  const b = new FakeLogServer();
  b.append(ts[1], 'b1');
  b.append(ts[3], 'b3');
  h.servers.set('web-b/app', b);
  h.servers.get('web-a/app')!.append(ts[4], 'a4');
  h.feed.add(pod('web-b'));
  await until('lines(h.s).length === 4', () => lines(h.s).length === 4, 5000);
  assert.deepEqual(lines(h.s), ['[pod/web-a/app] a0', '[pod/web-b/app] b1', '[pod/web-b/app] b3', '[pod/web-a/app] a4']);
  h.s.stop();
  await done;
});

test('a deleted pod: its stream ends with a marker after its last line, and no failure is reported', async () => {
  const ts = timestamps(6);
  const h = harness([pod('web-a'), pod('web-b')]);
  h.servers.get('web-a/app')!.append(ts[0], 'a0');
  h.servers.get('web-b/app')!.append(ts[1], 'b1');
  const done = h.s.start();
  await until('lines(h.s).length === 2', () => lines(h.s).length === 2, 5000);
  h.servers.get('web-a/app')!.append(ts[2], 'a2');
  // The connection breaks as the pod goes; the reconnect is refused (404) before the watch says it was deleted.
  h.servers.get('web-a/app')!.script({ refuse: new LogOpenError('pods "web-a" not found', false, 404) });
  await until('lines(h.s).length === 3', () => lines(h.s).length === 3, 5000);
  h.feed.delete('web-a');
  await until('lines(h.s).some((l) => l.includes(POD_DELETED_MARKER))', () => lines(h.s).some((l) => l.includes(POD_DELETED_MARKER)), 5000);
  h.servers.get('web-b/app')!.append(ts[3], 'b3');
  await until('lines(h.s).length === 5', () => lines(h.s).length === 5, 5000);
  assert.deepEqual(lines(h.s), ['[pod/web-a/app] a0', '[pod/web-b/app] b1', '[pod/web-a/app] a2', `[pod/web-a] ${POD_DELETED_MARKER}`, '[pod/web-b/app] b3']);
  assert.deepEqual(h.s.streamingPods, ['web-b']);
  assert.ok(!h.states.some(([, st]) => st.kind === 'failed'), 'the pod going away is not an error');
  assert.match(h.s.summary(), /^following 1 stream\(s\) of 1 pod\(s\)$/);
  h.s.stop();
  await done;
});

test('a stream that fails while its pod still exists is reported', async () => {
  const h = harness([pod('web-a')]);
  h.servers.get('web-a/app')!.script({ refuse: new LogOpenError('container "app" in pod "web-a" is waiting to start: ContainerCreating', false, 400) });
  const done = h.s.start();
  await until('h.states.some(([k, st]) => k === \'web-a/app\' && st.kind === \'failed\')', () => h.states.some(([k, st]) => k === 'web-a/app' && st.kind === 'failed'), 5000);
  assert.match(h.s.summary(), /failed: web-a\/app/);
  h.s.stop();
  await done;
});

test('the cap on streams: pods past it wait, the user is told once, and they start when a stream ends', async () => {
  const ts = timestamps(8);
  const h = harness([pod('web-a'), pod('web-b'), pod('web-c')], { maxLogRequests: 2 });
  ['web-a', 'web-b', 'web-c'].forEach((p, i) => h.servers.get(`${p}/app`)!.append(ts[i], `${p} line`));
  const done = h.s.start();
  await until('lines(h.s).length === 2', () => lines(h.s).length === 2, 5000);
  assert.deepEqual(h.s.streamingPods, ['web-a', 'web-b']);
  assert.deepEqual(h.s.waitingPods, ['web-c']);
  h.feed.add(pod('web-d'));
  assert.deepEqual(h.s.waitingPods, ['web-c', 'web-d']);
  assert.equal(h.notices.length, 1, 'one message, not one per pod');
  assert.match(h.notices[0], /podscope\.logs\.maxLogRequests \(2, as kubectl's --max-log-requests\)\. Showing 2; pod web-c/);
  assert.match(h.s.summary(), /2 pod\(s\) waiting: at most 2 streams/);
  // web-a's container exits: its follow stream ends and frees a slot for web-c.
  h.servers.get('web-a/app')!.endFollowers();
  await until('lines(h.s).includes(\'[pod/web-c/app] web-c line\')', () => lines(h.s).includes('[pod/web-c/app] web-c line'), 5000);
  assert.deepEqual(h.s.streamingPods, ['web-b', 'web-c']);
  assert.deepEqual(h.s.waitingPods, ['web-d']);
  // A waiting pod that is deleted simply leaves the queue.
  h.feed.delete('web-d');
  assert.deepEqual(h.s.waitingPods, []);
  h.s.stop();
  await done;
  assert.equal(h.s.summary(), 'stopped');
});

test('without follow, pods past the cap are read after the others, as kubectl logs -l does', async () => {
  const ts = timestamps(6);
  const h = harness([pod('web-a'), pod('web-b'), pod('web-c')], { maxLogRequests: 1, follow: false });
  ['web-a', 'web-b', 'web-c'].forEach((p, i) => {
    h.servers.get(`${p}/app`)!.append(ts[i], `${p} first`);
    h.servers.get(`${p}/app`)!.append(ts[i + 3], `${p} second`);
  });
  await h.s.start();
  // Each pod's lines are read one after the other; the later pods' are then older than lines already shown,
  // so they come as soon as they arrive: nothing is lost or repeated.
  assert.deepEqual(lines(h.s).sort(), ['web-a', 'web-b', 'web-c'].flatMap((p) => [`[pod/${p}/app] ${p} first`, `[pod/${p}/app] ${p} second`]).sort());
  assert.equal(h.s.summary(), 'ended');
});

test('pods that cannot be listed: said once, with the reason, and in the summary', async () => {
  const h = harness([]);
  const done = h.s.start();
  const problem: ConnectionProblem = { kind: 'forbidden', code: 403, message: 'pods is forbidden: User "dev" cannot list resource "pods" in namespace "ns"' };
  h.feed.listener!.onState({ kind: 'error', problem, retryInMs: 1000 });
  h.feed.listener!.onState({ kind: 'error', problem, retryInMs: 2000 });
  const failures = h.states.filter(([, st]) => st.kind === 'failed');
  assert.deepEqual(failures.map(([k, st]) => [k, st.kind === 'failed' && st.message]), [['deployment/web', `listing its pods: ${problem.message}`]]);
  assert.match(h.s.summary(), /pod watch failed: pods is forbidden/);
  h.s.stop();
  await done;
});

test('restart reads every pod again into a cleared view, presented anew', async () => {
  const ts = timestamps(4);
  const h = harness([pod('web-a'), pod('web-b')], { follow: false });
  h.servers.get('web-a/app')!.append(ts[0], '{"level":"error","msg":"a down"}');
  h.servers.get('web-b/app')!.append(ts[1], 'level=info plain b');
  await h.s.start();
  const first = lines(h.s);
  assert.deepEqual(first, ['[pod/web-a/app] {"level":"error","msg":"a down"}', '[pod/web-b/app] level=info plain b']);
  await h.s.start();
  assert.deepEqual(lines(h.s), first, 'the same lines, not twice');
  await h.s.represent({ ...h.s.presentation, minLevel: 'error' });
  assert.deepEqual(lines(h.s), ['[pod/web-a/app] {"level":"error","msg":"a down"}'], 'the level filter applies to every pod');
});

test('no running pod: the snapshot ends and says why', async () => {
  const h = harness([pod('web-a', ['app'], 'Pending')], { follow: false });
  await h.s.start();
  assert.equal(h.s.buffer.text(), '');
  assert.equal(h.s.summary(), 'ended: no running pod matches the selector');
});

test('without follow, a pod whose log request is answered slowly still takes its place in time', async () => {
  const ts = timestamps(4);
  // Slower than the quiet time (300 ms): a follow view would presume it quiet; a snapshot waits for it.
  const h = harness([pod('web-a'), pod('web-b')], { follow: false }, { 'web-b/app': 700 });
  [0, 2].forEach((i) => h.servers.get('web-a/app')!.append(ts[i], `a${i}`));
  [1, 3].forEach((i) => h.servers.get('web-b/app')!.append(ts[i], `b${i}`));
  await h.s.start();
  assert.deepEqual(lines(h.s), ['[pod/web-a/app] a0', '[pod/web-b/app] b1', '[pod/web-a/app] a2', '[pod/web-b/app] b3']);
});
