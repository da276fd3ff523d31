// Pod actions against the real local cluster, with kubectl as the reference: describe and YAML print what kubectl
// prints, delete deletes (gracefully or by force), the server-side dry run reports what `kubectl apply --dry-run=server`
// reports, at the right places, and the restricted user gets the API server's Forbidden messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Cluster } from '../cluster';
import { run } from '../run';
import { describeConnectionError } from '../../../client/src/kube/cluster/connectionError';
import { describePod } from '../../../client/src/kube/actions/describe';
import { deletePod, deletePods } from '../../../client/src/kube/actions/deletePod';
import { dryRunManifest } from '../../../client/src/kube/dryRun/dryRunValidate';
import { clusterDryRunTransport } from '../../../client/src/kube/dryRun/clusterDryRunTransport';
import { fetchPodYaml } from '../../../client/src/kube/actions/podYaml';
import { until } from '../../support/until';
import { useCluster } from './clusterFixture';

const fixture = useCluster('pod action tests');

function apiOf(kubeconfig: string) {
  return fixture.api(kubeconfig);
}

/** kubectl in UTC, the zone the describe document prints times in. */
async function kubectlUtc(c: Cluster, args: string[], input?: string) {
  return run(c.kubectl.path, ['--kubeconfig', c.kubeconfig, ...args], { env: { ...process.env, TZ: 'UTC' }, input, timeoutMs: 30_000 });
}

/** Event ages move between two reads, so the Age column (and the padding it drives) is compared apart. */
function normaliseAges(text: string): string {
  const lines = text.split('\n');
  const events = lines.findIndex((l) => l === 'Events:');
  return lines
    .map((l, i) => {
      if (l.startsWith('Status:') && l.includes('Terminating (lasts')) return l.replace(/\(lasts [^)]+\)/, '(lasts …)');
      if (events < 0 || i <= events || l.trim() === '') return l;
      const cells = l.trim().split(/\s{2,}/);
      cells.splice(2, 1);
      return cells.join(' | ');
    })
    .join('\n');
}

test('describe prints what kubectl describe pod prints', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = apiOf(c.kubeconfig);
  for (const key of ['running', 'sidecar', 'native-sidecar', 'crashloop', 'error', 'evicted', 'init-waiting', 'image-pull', 'unschedulable', 'terminating', 'completed']) {
    const p = c.pod(key);
    let mine = '';
    let theirs = '';
    // The crash-looping pod changes every few seconds: read both until a pair agrees.
    for (let i = 0; i < 5 && (i === 0 || mine !== theirs); i++) {
      const [pod, events] = await Promise.all([api.readPod(p.namespace, p.name), api.listPodEvents(p.namespace, p.name)]);
      mine = normaliseAges(describePod(pod, events.items));
      theirs = normaliseAges((await kubectlUtc(c, ['describe', 'pod', '-n', p.namespace, p.name])).stdout);
    }
    assert.equal(mine, theirs, `describe ${p.namespace}/${p.name}`);
  }
});

test('view YAML prints what kubectl get -o yaml prints (managedFields stripped)', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  for (const key of ['running', 'sidecar', 'terminating']) {
    const p = c.pod(key);
    let mine = '';
    let theirs = '';
    for (let i = 0; i < 5 && (i === 0 || mine !== theirs); i++) {
      mine = await fetchPodYaml(api, p.namespace, p.name);
      theirs = (await kubectlUtc(c, ['get', 'pod', '-n', p.namespace, p.name, '-o', 'yaml'])).stdout;
    }
    assert.equal(mine, theirs, `${p.namespace}/${p.name}`);
    assert.doesNotMatch(mine, /managedFields/);
  }
});

async function createScratchPod(c: Cluster, name: string): Promise<void> {
  await c.kubectl.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'demo', labels: { 'podscope.dev/test': 'actions' } }, spec: { containers: [{ name: 'app', image: 'scratch:1' }] } }]);
}

async function podGone(c: Cluster, name: string): Promise<boolean> {
  const r = await c.kubectl.run(['get', 'pod', '-n', 'demo', name, '--ignore-not-found', '-o', 'name']);
  return r.code === 0 && r.stdout.trim() === '';
}

test('delete: graceful and forced; the restricted user is forbidden', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = apiOf(c.kubeconfig);
  const graceful = `podscope-del-${randomUUID().slice(0, 8)}`;
  const forced = `podscope-del-${randomUUID().slice(0, 8)}`;
  await createScratchPod(c, graceful);
  await createScratchPod(c, forced);

  await deletePod(api, 'demo', forced, { kind: 'force' });
  assert.ok(await podGone(c, forced), 'a forced delete removes the object at once');

  await deletePod(api, 'demo', graceful, { kind: 'grace', seconds: 1 });
  await until('the gracefully deleted pod to go', () => podGone(c, graceful), 30_000);

  const restricted = apiOf(c.restrictedKubeconfig);
  const err = await deletePod(restricted, 'demo', 'hello', { kind: 'graceful' }).then(() => undefined, (e: unknown) => e);
  const problem = describeConnectionError(err);
  assert.equal(problem.kind, 'forbidden');
  assert.equal(problem.message, `pods "hello" is forbidden: User "${c.restrictedUser}" cannot delete resource "pods" in API group "" in the namespace "demo"`);
  assert.equal(await podGone(c, 'hello'), false);
});

test('delete several (multi-select): every pod goes, one already gone is reported with kubectl\'s NotFound', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = apiOf(c.kubeconfig);
  const names = [0, 1, 2].map(() => `podscope-del-${randomUUID().slice(0, 8)}`);
  for (const n of names) await createScratchPod(c, n);
  const missing = `podscope-del-${randomUUID().slice(0, 8)}`;
  // kubectl's own words for the one that is not there, to compare with ours.
  const kubectlSays = await c.kubectl.run(['delete', 'pod', missing, '-n', 'demo']);
  const outcome = await deletePods([...names, missing].map((name) => ({ api, namespace: 'demo', name })), { kind: 'force' });
  assert.deepEqual(outcome.deleted.map((p) => p.name), names);
  for (const n of names) assert.ok(await podGone(c, n), `${n} deleted`);
  assert.deepEqual(outcome.failed.map((f) => f.pod.name), [missing]);
  const problem = describeConnectionError(outcome.failed[0].error);
  assert.equal(problem.kind, 'notFound');
  assert.ok(kubectlSays.stderr.includes(problem.message), `kubectl: ${kubectlSays.stderr.trim()} / ours: ${problem.message}`);
});

const INVALID = `apiVersion: v1
kind: Pod
metadata:
  name: Bad_Name
spec:
  containers:
  - name: App
    image: nginx
    ports:
    - containerPort: 99999
`;

test('dry run: the API server errors, at their fields, as kubectl apply --dry-run=server reports them', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const transport = clusterDryRunTransport(fixture.api(c.kubeconfig));
  const [r] = await dryRunManifest(INVALID, transport, 'demo');
  assert.equal(r.outcome, 'rejected');
  const kubectl = await kubectlUtc(c, ['apply', '--dry-run=server', '-n', 'demo', '-f', '-'], INVALID);
  assert.notEqual(kubectl.code, 0);
  const at = r.findings.map((f) => INVALID.slice(f.start, f.end));
  assert.deepEqual(at, ['Bad_Name', 'App', '99999']);
  for (const f of r.findings) assert.ok(kubectl.stderr.includes(`* ${f.message}`), `kubectl reports "${f.message}"\n${kubectl.stderr}`);

  const typo = INVALID.replace('Bad_Name', 'typo').replace('name: App', 'name: app').replace('99999', '80').replace('    image: nginx', '    imagee: nginx\n    image: nginx');
  const [u] = await dryRunManifest(typo, transport, 'demo');
  const kubectlTypo = await kubectlUtc(c, ['apply', '--dry-run=server', '-n', 'demo', '-f', '-'], typo);
  assert.equal(u.findings.length, 1);
  assert.equal(typo.slice(u.findings[0].start, u.findings[0].end), 'imagee');
  assert.ok(kubectlTypo.stderr.includes(u.findings[0].message), kubectlTypo.stderr);
});

test('dry run: a valid new pod is accepted and not created; an existing one is checked by apply', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const transport = clusterDryRunTransport(fixture.api(c.kubeconfig));
  const name = `podscope-dry-${randomUUID().slice(0, 8)}`;
  const fresh = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n    - containerPort: 80\n`;
  const [r] = await dryRunManifest(fresh, transport, 'demo');
  assert.equal(r.outcome, 'accepted');
  assert.equal(r.operation, 'create');
  assert.ok(await podGone(c, name), 'a dry run stores nothing');
  const kubectl = await kubectlUtc(c, ['apply', '--dry-run=server', '-n', 'demo', '-f', '-'], fresh);
  assert.deepEqual(r.findings.map((f) => [f.severity, fresh.slice(f.start, f.end)]), [['warning', 'containerPort']]);
  assert.ok(kubectl.stderr.includes(`Warning: ${r.findings[0].message}`), kubectl.stderr);

  const before = (await c.kubectl.ok(['get', 'pod', '-n', 'demo', 'hello', '-o', 'jsonpath={.spec.containers[0].image}']));
  const existing = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\n  namespace: demo\nspec:\n  containers:\n  - name: app\n    image: changed:2\n`;
  const [e] = await dryRunManifest(existing, transport, 'default');
  assert.deepEqual([e.outcome, e.operation], ['accepted', 'apply']);
  assert.equal(await c.kubectl.ok(['get', 'pod', '-n', 'demo', 'hello', '-o', 'jsonpath={.spec.containers[0].image}']), before);
});

test('dry run as the restricted user: the Forbidden message kubectl shows', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const [r] = await dryRunManifest(INVALID, clusterDryRunTransport(fixture.api(c.restrictedKubeconfig)), 'demo');
  const kubectl = await run(c.kubectl.path, ['--kubeconfig', c.restrictedKubeconfig, 'apply', '--dry-run=server', '-n', 'demo', '-f', '-'], { input: INVALID });
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].message, `pods is forbidden: User "${c.restrictedUser}" cannot create resource "pods" in API group "" in the namespace "demo"`);
  assert.ok(kubectl.stderr.includes(r.findings[0].message), kubectl.stderr);
  assert.equal(INVALID.slice(r.findings[0].start, r.findings[0].end), 'Pod');
});
