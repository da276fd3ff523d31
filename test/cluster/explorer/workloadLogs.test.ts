// Workload logs against the real local cluster: the `web` Deployment's view must hold the union of `kubectl logs` of
// each of its pods, in time order; a pod scaled up mid-stream joins, a deleted pod's stream ends with its marker, and
// more pods than the cap are told about. (All `web` pods share one log file in kwok, so each appended line appears
// once per pod, under each pod's prefix.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { KubeConfig, type V1PodList } from '@kubernetes/client-node';
import { createClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import type { Cluster } from '../cluster';
import type { ClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import { PodInformer } from '../../../client/src/kube/cluster/informer';
import { ownerWorkload, readWorkload, selectorString } from '../../../client/src/kube/cluster/workloads';
import { clientNodeLogOpener } from '../../../client/src/kube/logs/clientNodeLogOpener';
import { parseLogTime, compareLogTime } from '../../../client/src/kube/logs/logTimestamp';
import type { LogStreamOptions, LogStreamState } from '../../../client/src/kube/logs/logStream';
import { POD_DELETED_MARKER, WorkloadLogSession, type WorkloadLogSpec } from '../../../client/src/kube/logs/workloadLogSession';
import { until } from '../../support/until';
import { useCluster } from './clusterFixture';
import { SeverableProxy } from './severableProxy';

const REPLICAS = 2;
const fixture = useCluster('workload log tests', {
  // Leave `web` as the seed made it for the other test files.
  cleanup: async (c) => { await c?.kubectl.run(['scale', '-n', 'demo', 'deployment/web', `--replicas=${REPLICAS}`]); },
});

function session(api: ClusterApi, selector: string, spec: Partial<WorkloadLogSpec>, log: { states: [string, LogStreamState][]; notices: string[] }, stream: LogStreamOptions = { retryDelaysMs: [50, 100, 200] }) {
  return new WorkloadLogSession(
    { namespace: 'demo', workload: 'deployment/web', labelSelector: selector, containers: undefined, follow: false, timestamps: true, maxLogRequests: 5, ...spec },
    (l) => new PodInformer(api, { namespace: 'demo', labelSelector: selector }, l),
    (pod, container) => clientNodeLogOpener(api, { namespace: 'demo', pod, container }),
    { changed() {}, state: (k, s) => { log.states.push([k, s]); }, notice: (t) => { log.notices.push(t); } },
    { maxLines: 1_000_000, quietMs: 300, goneGraceMs: 1000, stream },
  );
}

async function webSelector(c: Cluster, api: ClusterApi): Promise<{ selector: string; pods: string[] }> {
  const deployment = await readWorkload(api, 'Deployment', 'demo', 'web');
  const selector = selectorString(deployment.spec?.selector);
  const pods = await c.kubectl.json<V1PodList>(['get', 'pods', '-n', 'demo', '-l', selector]);
  const names = pods.items.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp).map((p) => p.metadata!.name!);
  // The owner chain from a real pod: pod → ReplicaSet → Deployment.
  const owner = await ownerWorkload(api, 'demo', pods.items[0].metadata);
  assert.equal(owner?.kind, 'Deployment');
  assert.equal(owner?.metadata.name, 'web');
  return { selector, pods: names.sort() };
}

const timeOf = (line: string) => parseLogTime(line.slice(line.indexOf('] ') + 2).split(' ')[0]);

test('the union of kubectl logs of each pod, in time order', { timeout: 90_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const marker = randomUUID().slice(0, 8);
  for (let i = 0; i < 3; i++) c.appendLog('demo', 'web', 'nginx', `union ${marker} ${i}`);
  const { selector, pods } = await webSelector(c, api);
  assert.ok(pods.length >= 2, `web has ${pods.length} running pods`);
  const log = { states: [] as [string, LogStreamState][], notices: [] as string[] };
  const s = session(api, selector, {}, log);
  await s.start();
  assert.equal(s.summary(), 'ended');
  const ours = s.buffer.text().split('\n').filter(Boolean);
  const theirs: string[] = [];
  for (const pod of pods) {
    const r = await c.kubectl.ok(['logs', '-n', 'demo', pod, '-c', 'nginx', '--timestamps']);
    for (const line of r.split('\n').filter(Boolean)) theirs.push(`[pod/${pod}/nginx] ${line}`);
  }
  assert.ok(theirs.some((l) => l.includes(`union ${marker} 2`)));
  assert.deepEqual([...ours].sort(), [...theirs].sort(), 'the same lines, each once');
  for (let i = 1; i < ours.length; i++) {
    assert.ok(compareLogTime(timeOf(ours[i - 1])!, timeOf(ours[i])!) <= 0, `in time order at line ${i}: ${ours[i - 1]} / ${ours[i]}`);
  }
  console.log(`# ${ours.length} lines from ${pods.length} pods, equal to kubectl logs of each pod`);
});

test('following: a pod scaled up joins, a deleted pod ends with its marker', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const { selector, pods } = await webSelector(c, api);
  const log = { states: [] as [string, LogStreamState][], notices: [] as string[] };
  const s = session(api, selector, { follow: true, tailLines: 1 }, log);
  const done = s.start();
  try {
    await until('every pod streaming', () => s.streamingPods.length === pods.length && s.summary().startsWith('following'), 30_000);
    const marker = randomUUID().slice(0, 8);
    c.appendLog('demo', 'web', 'nginx', `before ${marker}`);
    await until('the line from every pod', () => pods.every((p) => s.buffer.text().includes(`[pod/${p}/nginx] `) && s.buffer.text().split('\n').some((l) => l.startsWith(`[pod/${p}/nginx] `) && l.endsWith(`before ${marker}`))), 30_000);

    const startedAt = Date.now();
    await c.kubectl.ok(['scale', '-n', 'demo', 'deployment/web', `--replicas=${REPLICAS + 1}`]);
    const joined = await until('a new pod to join', () => s.streamingPods.find((p) => !pods.includes(p)), 60_000);
    console.log(`# pod ${joined} joined ${Date.now() - startedAt} ms after the scale-up`);
    c.appendLog('demo', 'web', 'nginx', `after ${marker}`);
    await until('the new pod\'s line', () => s.buffer.text().split('\n').some((l) => l.startsWith(`[pod/${joined}/nginx] `) && l.endsWith(`after ${marker}`)), 30_000);

    const victim = pods[0];
    const deletedAt = Date.now();
    await c.kubectl.ok(['delete', 'pod', '-n', 'demo', victim, '--wait=false']);
    await until('the deleted pod\'s marker', () => s.buffer.text().includes(`[pod/${victim}] ${POD_DELETED_MARKER}`), 60_000);
    console.log(`# marker of ${victim} ${Date.now() - deletedAt} ms after the delete`);
    const lines = s.buffer.text().split('\n');
    const markerAt = lines.indexOf(`[pod/${victim}] ${POD_DELETED_MARKER}`);
    assert.ok(lines.slice(markerAt + 1).every((l) => !l.startsWith(`[pod/${victim}/`)), 'nothing of the deleted pod after its marker');
    assert.ok(!log.states.some(([k, st]) => k.startsWith(victim) && st.kind === 'failed'), 'its going is not reported as a failure');
    assert.ok(!s.streamingPods.includes(victim));
  } finally {
    s.stop();
    await done;
  }
});

test('more streams than the cap: the user is told, and the rest wait', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const { selector, pods } = await webSelector(c, api);
  const log = { states: [] as [string, LogStreamState][], notices: [] as string[] };
  const s = session(api, selector, { follow: true, tailLines: 1, maxLogRequests: 1 }, log);
  const done = s.start();
  try {
    await until('the cap to be reached', () => s.waitingPods.length === pods.length - 1 && s.streamingPods.length === 1, 30_000);
    assert.equal(log.notices.length, 1);
    assert.match(log.notices[0], /^deployment\/web: more log streams than podscope\.logs\.maxLogRequests \(1, as kubectl's --max-log-requests\)\. Showing 1; pod /);
    assert.match(s.summary(), new RegExp(`${pods.length - 1} pod\\(s\\) waiting: at most 1 streams`));
    console.log(`# notice: ${log.notices[0]}`);
  } finally {
    s.stop();
    await done;
  }
});

test('the network cut mid-stream: every pod resumes, no line lost or repeated', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const direct = fixture.kubeConfig(c.kubeconfig);
  const proxy = new SeverableProxy(new URL(c.server));
  const server = `https://127.0.0.1:${await proxy.listen()}`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: direct.getClusters().map((cl) => ({ ...cl, server })),
    users: direct.getUsers(),
    contexts: direct.getContexts(),
    currentContext: direct.getCurrentContext(),
  });
  const api = createClusterApi(kc, kc.getCurrentContext());
  const { selector, pods } = await webSelector(c, fixture.api(c.kubeconfig));
  const log = { states: [] as [string, LogStreamState][], notices: [] as string[] };
  // The product's reconnect delays: they outlast the cut, where the short ones of the other tests would give up.
  const s = session(api, selector, { follow: true, tailLines: 1, timestamps: false }, log, {});
  const done = s.start();
  try {
    await until('every pod streaming', () => pods.every((p) => [...log.states].reverse().find(([k]) => k === `${p}/nginx`)?.[1].kind === 'streaming'), 30_000);
    const marker = randomUUID().slice(0, 8);
    // A burst in flight when the cut comes, then a line written while the network is down.
    c.appendLog('demo', 'web', 'nginx', Array.from({ length: 1000 }, (_, i) => `${marker} burst ${i}`).join('\n'));
    const cut = proxy.sever();
    c.appendLog('demo', 'web', 'nginx', `${marker} while cut`);
    await new Promise((r) => setTimeout(r, 2_000));
    const restoredAt = Date.now();
    proxy.restore();
    const wanted = [...Array.from({ length: 1000 }, (_, i) => `${marker} burst ${i}`), `${marker} while cut`];
    const ofPod = (p: string) => s.buffer.text().split('\n').filter((l) => l.startsWith(`[pod/${p}/nginx] ${marker}`)).map((l) => l.slice(`[pod/${p}/nginx] `.length));
    await until('every pod to catch up', () => pods.every((p) => ofPod(p).includes(`${marker} while cut`)), 60_000).catch((err: unknown) => {
      throw new Error(`${String(err)}; ${s.summary()}; lines per pod: ${pods.map((p) => `${p}=${ofPod(p).length}`).join(' ')}; states: ${log.states.slice(-12).map(([k, st]) => `${k}:${JSON.stringify(st)}`).join(' | ')}`);
    });
    t.diagnostic(`${cut} connections cut; every pod caught up ${Date.now() - restoredAt} ms after the network came back`);
    for (const p of pods) assert.deepEqual(ofPod(p), wanted, `pod ${p}: every line once, in order`);
    assert.ok(log.states.some(([, st]) => st.kind === 'reconnecting'), 'the streams did reconnect');
    assert.ok(!log.states.some(([, st]) => st.kind === 'failed'));
  } finally {
    s.stop();
    await done;
    await proxy.close();
  }
});
