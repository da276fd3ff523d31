// Proof that the local cluster is a real one: kubectl (the reference client) sees every seeded pod
// state, streams appended log lines, execs through the API server, and RBAC forbids the restricted
// user logs and exec. Skips only when the cluster binaries are missing and cannot be built.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ClusterUnavailableError, ensureCluster, type Cluster } from './cluster';
import { criTexts } from './criLog';
import { clusterLayout } from './layout';
import { podTable } from './podTable';
import { until } from '../support/until';
import { MANUAL_STATUS_LABEL } from './seed/plan';
import { seedCluster } from './seed/seeder';

let cluster: Cluster | undefined;
let skipReason = '';

before(
  async () => {
    try {
      cluster = await ensureCluster();
    } catch (err) {
      if (!(err instanceof ClusterUnavailableError)) throw err;
      skipReason = err.message;
      console.log(`# cluster tests skipped: ${skipReason}`);
    }
  },
  { timeout: 60 * 60_000 },
);

after(async () => {
  await cluster?.release();
});

function need(t: TestContext): Cluster | undefined {
  if (!cluster) t.skip(skipReason);
  return cluster;
}

const STATES_A_USER_MEETS = ['Running', 'Init:0/1', 'CrashLoopBackOff', 'ImagePullBackOff', 'ContainerCreating', 'Completed', 'Error', 'Evicted', 'Pending', 'Terminating'];

test('kubectl get pods -A shows every seeded pod in its expected STATUS and READY', { timeout: 60_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const rows = await podTable(c.kubectl);
  for (const p of c.pods) {
    const row = rows.find((r) => r.namespace === p.namespace && r.name === p.name);
    assert.ok(row, `${p.namespace}/${p.name} is listed`);
    assert.equal(row.status, p.expect.status, `${p.namespace}/${p.name} STATUS`);
    assert.equal(row.ready, p.expect.ready, `${p.namespace}/${p.name} READY`);
  }
  const seen = new Set(rows.map((r) => r.status));
  for (const s of STATES_A_USER_MEETS) assert.ok(seen.has(s), `some pod shows STATUS ${s}; seen: ${[...seen].join(', ')}`);
  assert.deepEqual([...new Set(rows.filter((r) => c.namespaces.includes(r.namespace)).map((r) => r.namespace))].sort(), [...c.namespaces].sort());
});

test('Deployment pods are owned by a ReplicaSet and the native sidecar counts as a ready container', { timeout: 30_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const web = c.pods.filter((p) => p.key === 'deployment');
  assert.equal(web.length, 2);
  for (const p of web) {
    const owner = await c.kubectl.ok(['get', 'pod', p.name, '-n', p.namespace, '-o', 'jsonpath={.metadata.ownerReferences[0].kind}']);
    assert.equal(owner, 'ReplicaSet');
  }
  const sidecar = c.pod('native-sidecar');
  const policy = await c.kubectl.ok(['get', 'pod', sidecar.name, '-n', sidecar.namespace, '-o', 'jsonpath={.spec.initContainers[0].restartPolicy}']);
  assert.equal(policy, 'Always');
});

test('the CrashLoopBackOff pod keeps restarting: RESTARTS rises', { timeout: 30_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const p = c.pod('crashloop');
  const restarts = async () => (await podTable(c.kubectl)).find((r) => r.name === p.name && r.namespace === p.namespace)!.restarts;
  const first = await restarts();
  assert.ok(first >= 1, `restarted at least once, got ${first}`);
  const later = await until('a higher restart count', async () => {
    const n = await restarts();
    return n > first ? n : undefined;
  }, { timeoutMs: 20_000, intervalMs: 500 });
  assert.ok(later > first);
});

test('kubectl logs -f streams a line appended to the container log file', { timeout: 30_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const p = c.pod('running');
  const seeded = criTexts(readFileSync(c.logFile(p.namespace, p.name, 'app'), 'utf8'));
  const follower = spawn(c.kubectl.path, ['--kubeconfig', c.kubeconfig, 'logs', '-f', '-n', p.namespace, p.name, '-c', 'app'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  follower.stdout.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await until('the seeded lines', async () => (seeded.every((l) => out.includes(l)) ? true : undefined), { timeoutMs: 15_000 });
    const line = `appended by the harness test ${randomUUID()}`;
    assert.ok(!out.includes(line));
    c.appendLog(p.namespace, p.name, 'app', line);
    await until('the appended line', async () => (out.includes(line) ? true : undefined), { timeoutMs: 15_000 });
    assert.ok(follower.exitCode === null, 'still following after the new line');
  } finally {
    follower.kill();
  }
});

test('kubectl logs --previous serves the previous log file', { timeout: 30_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const p = c.pod('crashloop');
  const expected = criTexts(readFileSync(c.logFile(p.namespace, p.name, 'worker', { previous: true }), 'utf8'));
  const out = await c.kubectl.ok(['logs', '--previous', '-n', p.namespace, p.name]);
  assert.deepEqual(out.trimEnd().split('\n'), expected);
});

test('kubectl exec runs a command through the API server', { timeout: 30_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const p = c.pod('sidecar');
  const out = await c.kubectl.ok(['exec', '-n', p.namespace, p.name, '-c', 'log-shipper', '--', 'echo', 'hello']);
  assert.equal(out, 'hello\n');
});

test('the restricted user lists pods but is Forbidden to read logs or exec', { timeout: 30_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  const p = c.pod('running');
  const list = await c.restrictedKubectl.ok(['get', 'pods', '-n', p.namespace, '-o', 'name']);
  assert.match(list, new RegExp(`^pod/${p.name}$`, 'm'));
  const logs = await c.restrictedKubectl.run(['logs', '-n', p.namespace, p.name]);
  assert.notEqual(logs.code, 0);
  assert.match(logs.stderr, new RegExp(`User "${c.restrictedUser}" cannot get resource "pods/log"`));
  const exec = await c.restrictedKubectl.run(['exec', '-n', p.namespace, p.name, '--', 'echo', 'hello']);
  assert.notEqual(exec.code, 0);
  assert.doesNotMatch(exec.stdout, /hello/);
  assert.match(exec.stderr, new RegExp(`User "${c.restrictedUser}" cannot create resource "pods/exec"`));
});

test('seeding again changes nothing: same pods, manual statuses not rewritten', { timeout: 120_000 }, async (t) => {
  const c = need(t);
  if (!c) return;
  type Item = { metadata: { uid: string; name: string; namespace: string; resourceVersion: string; labels?: Record<string, string> } };
  const snapshot = async () => (await c.kubectl.json<{ items: Item[] }>(['get', 'pods', '-A'])).items;
  const before = await snapshot();
  await seedCluster(c.kubectl, clusterLayout());
  const after = await snapshot();
  const ids = (items: Item[]) => items.map((i) => `${i.metadata.namespace}/${i.metadata.name}/${i.metadata.uid}`).sort();
  assert.deepEqual(ids(after), ids(before));
  const manualVersions = (items: Item[]) =>
    items.filter((i) => i.metadata.labels?.[MANUAL_STATUS_LABEL] === 'true').map((i) => `${i.metadata.name}@${i.metadata.resourceVersion}`).sort();
  assert.ok(manualVersions(before).length >= 5);
  assert.deepEqual(manualVersions(after), manualVersions(before));
});
