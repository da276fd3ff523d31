// Manifest → cluster against the real API server, with kubectl (the cluster's own version) as the reference: apply
// stores what `kubectl apply --server-side` stores, re-applying unchanged changes nothing, the dry run's diff names
// exactly the changed fields, conflicts name the owning manager, create of an existing object fails with the API
// server's message, delete -f removes exactly the file's objects, Run a Pod creates the pod `kubectl run` creates,
// and bad input (restricted user, no cluster, syntax errors, non-Kubernetes YAML) is refused with nothing stored.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import type { Cluster } from '../cluster';
import { createClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import { describeConnectionError } from '../../../client/src/kube/cluster/connectionError';
import { createTargets } from '../../../client/src/kube/apply/createObjects';
import { deleteTargets } from '../../../client/src/kube/apply/deleteObjects';
import { manifestTargets, type ObjectTarget } from '../../../client/src/kube/apply/manifestTargets';
import { diffText } from '../../../client/src/kube/apply/objectDiff';
import { clusterObjectTransport, type ObjectTransport } from '../../../client/src/kube/apply/objectTransport';
import { runPod } from '../../../client/src/kube/apply/runPod';
import { applyPreviews, previewApply } from '../../../client/src/kube/apply/serverSideApply';
import { until } from '../../support/until';
import { createPodNamespace, useCluster } from './clusterFixture';

const fixture = useCluster('manifest → cluster tests');
const suffix = randomBytes(3).toString('hex');
const ours = `podscope-apply-a-${suffix}`;
const theirs = `podscope-apply-b-${suffix}`;
let madeNamespaces: Cluster | undefined;

after(async () => {
  await madeNamespaces?.kubectl.run(['delete', 'namespace', ours, theirs, '--wait=false']);
});

/** Two fresh namespaces (ours, kubectl's), ready once their default ServiceAccount exists (pods need it). */
async function namespaces(c: Cluster): Promise<void> {
  if (madeNamespaces) return;
  madeNamespaces = c;
  for (const ns of [ours, theirs]) await createPodNamespace(c, ns);
}

function transportOf(kubeconfig: string): ObjectTransport {
  return clusterObjectTransport(fixture.api(kubeconfig));
}

async function targets(text: string, transport: ObjectTransport, namespace: string, verb = 'apply'): Promise<ObjectTarget[]> {
  const t = await manifestTargets(text, transport, namespace, { verb });
  assert.equal(t.kind, 'ok', t.kind === 'refused' ? t.problem : '');
  return t.kind === 'ok' ? t.targets : [];
}

async function podscopeApply(text: string, transport: ObjectTransport, namespace: string) {
  const previews = await previewApply(await targets(text, transport, namespace), transport);
  return { previews, outcomes: await applyPreviews(previews, transport) };
}

/** `kubectl get -o json` of one object, with what differs between any two stored copies taken out. */
async function stored(c: Cluster, namespace: string, what: string): Promise<unknown> {
  const o = await c.kubectl.json<Record<string, Record<string, unknown>>>(['get', what, '-n', namespace]);
  for (const key of ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'namespace']) delete o.metadata[key];
  delete o.status;
  // Scheduling and the service-account token volume's random suffix are the cluster's doing, not the request's.
  if (o.spec) delete o.spec.nodeName;
  return JSON.parse(JSON.stringify(o).replace(/kube-api-access-[a-z0-9]{5}/g, 'kube-api-access-*'));
}

const manifest = (image: string, extraLabel = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web${extraLabel}
spec:
  containers:
  - name: app
    image: ${image}
    ports:
    - containerPort: 8080
`;

test('apply stores what kubectl apply --server-side stores; re-apply is a no-op; the diff names exactly the changed fields', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await namespaces(c);
  const transport = transportOf(c.kubeconfig);
  const first = await podscopeApply(manifest('nginx:1.27'), transport, ours);
  assert.deepEqual(first.outcomes, [{ label: 'ConfigMap/settings', action: 'created' }, { label: 'Pod/web', action: 'created' }]);
  await c.kubectl.ok(['apply', '--server-side', '--field-manager=podscope', '-n', theirs, '-f', '-'], manifest('nginx:1.27'));
  for (const what of ['configmap/settings', 'pod/web']) {
    assert.deepEqual(await stored(c, ours, what), await stored(c, theirs, what), `${what} as kubectl apply --server-side stores it`);
  }
  const managers = await c.kubectl.json<{ metadata: { managedFields: { manager: string; operation: string }[] } }>(['get', 'pod/web', '-n', ours, '--show-managed-fields']);
  assert.ok(managers.metadata.managedFields.some((f) => f.manager === 'podscope' && f.operation === 'Apply'));

  const rv = async () => c.kubectl.ok(['get', 'configmap/settings', 'pod/web', '-n', ours, '-o', 'jsonpath={.items[*].metadata.resourceVersion}']);
  const before = await rv();
  const again = await podscopeApply(manifest('nginx:1.27'), transport, ours);
  assert.deepEqual(again.previews.map((p) => p.changes), [[], []], 'the dry run sees no change');
  assert.deepEqual(again.outcomes.map((o) => o.action), ['unchanged', 'unchanged']);
  assert.equal(await rv(), before, 're-applying unchanged stores nothing');

  const changed = await previewApply(await targets(manifest('nginx:1.28', '\n    tier: front'), transport, ours), transport);
  assert.deepEqual(changed.map((p) => p.changes), [[], ['metadata.labels.tier', 'spec.containers[0].image']]);
  const pod = changed[1];
  const left = diffText(pod.live).split('\n');
  const right = diffText(pod.result).split('\n');
  assert.deepEqual(left.filter((l) => !right.includes(l)), ['  - image: nginx:1.27'], 'the live side differs only in the image');
  assert.deepEqual(right.filter((l) => !left.includes(l)), ['    tier: front', '  - image: nginx:1.28'], 'the applied side: the label and the image');
  assert.ok(!diffText(pod.live).includes('managedFields') && !diffText(pod.live).includes('resourceVersion') && !diffText(pod.live).includes('status:'));
  assert.equal(await rv(), before, 'the diff was a dry run');
  const outcomes = await applyPreviews(changed, transport);
  assert.deepEqual(outcomes.map((o) => o.action), ['unchanged', 'configured']);
  assert.equal(await c.kubectl.ok(['get', 'pod/web', '-n', ours, '-o', 'jsonpath={.spec.containers[0].image} {.metadata.labels.tier}']), 'nginx:1.28 front');
});

test('a conflict names the manager that owns the field; force only when asked', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await namespaces(c);
  const transport = transportOf(c.kubeconfig);
  const text = manifest('nginx:1.27').split('---\n')[1].replace('name: web', 'name: contested');
  await podscopeApply(text, transport, ours);
  await c.kubectl.ok(['apply', '--server-side', '--field-manager=ops-team', '--force-conflicts', '-n', ours, '-f', '-'], text.replace('nginx:1.27', 'nginx:1.29'));
  const [preview] = await previewApply(await targets(text.replace('nginx:1.27', 'nginx:1.30'), transport, ours), transport);
  assert.deepEqual(preview.conflicts.map((x) => [x.field, x.manager]), [['.spec.containers[name="app"].image', 'ops-team']]);
  assert.equal(await c.kubectl.ok(['get', 'pod/contested', '-n', ours, '-o', 'jsonpath={.spec.containers[0].image}']), 'nginx:1.29', 'nothing applied');
  const forced = await previewApply(await targets(text.replace('nginx:1.27', 'nginx:1.30'), transport, ours), transport, true);
  assert.deepEqual(forced[0].conflicts, []);
  assert.deepEqual((await applyPreviews(forced, transport, true)).map((o) => o.action), ['configured']);
  assert.equal(await c.kubectl.ok(['get', 'pod/contested', '-n', ours, '-o', 'jsonpath={.spec.containers[0].image}']), 'nginx:1.30');
});

test('a dry run the server refuses puts its errors at their ranges and applies nothing of the file', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await namespaces(c);
  const transport = transportOf(c.kubeconfig);
  const text = manifest('nginx:1.27').replace(/name: settings/, 'name: never-stored').replace('name: web', 'name: refused').replace('- name: app', '- name: App');
  const previews = await previewApply(await targets(text, transport, ours), transport);
  assert.equal(previews[0].rejected, undefined);
  const findings = previews[1].rejected?.findings ?? [];
  assert.deepEqual(findings.map((f) => [text.slice(f.start, f.end), f.message.split(':').slice(0, 2).join(':')]), [['App', 'spec.containers[0].name: Invalid value']]);
  assert.equal((await c.kubectl.run(['get', 'configmap/never-stored', 'pod/refused', '-n', ours])).code, 1, 'nothing stored');
});

test('create fails on an existing object with the API server\'s message; delete -f removes exactly the file\'s objects', { timeout: 90_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await namespaces(c);
  const transport = transportOf(c.kubeconfig);
  const text = manifest('nginx:1.27').replace('name: settings', 'name: made').replace('name: web', 'name: made-pod');
  const created = await createTargets(await targets(text, transport, ours, 'create'), transport);
  assert.deepEqual(created.map((o) => o.created ?? o.error), ['made', 'made-pod']);
  const kubectlCreate = await c.kubectl.run(['create', '-n', ours, '-f', '-'], text);
  const again = await createTargets(await targets(text, transport, ours, 'create'), transport);
  assert.deepEqual(again.map((o) => o.error), ['configmaps "made" already exists', 'pods "made-pod" already exists']);
  for (const o of again) assert.ok(kubectlCreate.stderr.includes(`(AlreadyExists): error when creating "STDIN": ${o.error}`), kubectlCreate.stderr);
  const at = again[1].rejected?.findings[0];
  assert.equal(at && text.slice(at.start, at.end), 'made-pod', 'the refusal points at metadata.name');

  await c.kubectl.ok(['create', 'configmap', 'bystander', '-n', ours]);
  const names = () => c.kubectl.ok(['get', 'configmap,pod', '-n', ours, '-o', 'name']);
  assert.match(await names(), /configmap\/made\n/);
  const deleted = await deleteTargets(await targets(text, transport, ours, 'delete'), transport, 0);
  assert.deepEqual(deleted, [{ label: 'ConfigMap/made' }, { label: 'Pod/made-pod' }]);
  await until('the deleted pod to be gone', async () => !(await names()).includes('pod/made-pod'));
  const left = (await names()).split('\n');
  assert.ok(left.includes('configmap/bystander') && !left.includes('configmap/made'), left.join(' '));
  const missing = await deleteTargets(await targets(text, transport, ours, 'delete'), transport, undefined);
  assert.deepEqual(missing.map((o) => o.error), ['configmaps "made" not found', 'pods "made-pod" not found']);
});

test('Run a Pod creates the pod kubectl run creates', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await namespaces(c);
  await runPod(transportOf(c.kubeconfig), ours, { name: 'runner', image: 'busybox:1.36', args: 'sh -c "sleep 3600"', port: '8080' });
  await c.kubectl.ok(['run', 'runner', '-n', theirs, '--image=busybox:1.36', '--port=8080', '--', 'sh', '-c', 'sleep 3600']);
  const mine = await stored(c, ours, 'pod/runner') as { metadata: { labels: unknown }; spec: { containers: { name: string; args: string[] }[]; restartPolicy: string } };
  assert.deepEqual(mine, await stored(c, theirs, 'pod/runner'));
  assert.deepEqual(mine.metadata.labels, { run: 'runner' });
  assert.deepEqual(mine.spec.containers[0].args, ['sh', '-c', 'sleep 3600']);
  assert.equal(mine.spec.restartPolicy, 'Always');
  await assert.rejects(runPod(transportOf(c.kubeconfig), ours, { name: 'runner', image: 'busybox' }), /pods "runner" already exists/);
});

/** Counts what reaches the API server. */
function counting(inner: ObjectTransport): { transport: ObjectTransport; sent: () => number } {
  let n = 0;
  return {
    sent: () => n,
    transport: {
      resourceFor: (...a) => { n++; return inner.resourceFor(...a); },
      send: (...a) => { n++; return inner.send(...a); },
      request: (...a) => { n++; return inner.request(...a); },
      deleteObject: (...a) => { n++; return inner.deleteObject(...a); },
    },
  };
}

test('bad input: restricted user, no cluster, syntax errors, non-Kubernetes YAML — each refused with a clear message', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await namespaces(c);
  const admin = counting(transportOf(c.kubeconfig));

  const syntax = await manifestTargets('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n', admin.transport, ours, { verb: 'apply' });
  assert.equal(syntax.kind === 'refused' && syntax.problem.split(' (')[0], 'the manifest has a YAML syntax error');
  const compose = await manifestTargets('services:\n  web:\n    image: nginx\n', admin.transport, ours, { verb: 'apply' });
  assert.equal(compose.kind === 'refused' && compose.problem, 'this is not a Kubernetes manifest (no document sets apiVersion and kind); nothing was sent to the cluster.');
  const mixed = await manifestTargets(`${manifest('nginx')}---\njust: data\n`, admin.transport, ours, { verb: 'apply' });
  assert.equal(mixed.kind === 'refused' && mixed.problem, 'the document at line 21 is not a Kubernetes object (it sets no apiVersion and kind); nothing was sent to the cluster.');
  assert.equal(admin.sent(), 0, 'nothing reached the API server');

  const restricted = transportOf(c.restrictedKubeconfig);
  const text = manifest('nginx').split('---\n')[1].replace('name: web', 'name: viewer-pod');
  const err = await previewApply(await targets(text, restricted, ours), restricted).then(() => undefined, (e: unknown) => e);
  const problem = describeConnectionError(err);
  assert.equal(problem.kind, 'forbidden');
  assert.match(problem.message, /^pods "viewer-pod" is forbidden: User "podscope-viewer" cannot patch resource "pods" in API group "" in the namespace/);
  assert.equal((await c.kubectl.run(['get', 'pod/viewer-pod', '-n', ours])).code, 1, 'nothing stored');

  const closed = await new Promise<number>((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(typeof a === 'object' && a ? a.port : 0)); }); });
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'gone', server: `https://127.0.0.1:${closed}`, skipTLSVerify: false }],
    users: [{ name: 'u', token: 'x' }],
    contexts: [{ name: 'gone', cluster: 'gone', user: 'u' }],
    currentContext: 'gone',
  });
  const noCluster = clusterObjectTransport(createClusterApi(kc, 'gone', 3000));
  const down = await manifestTargets(text, noCluster, 'default', { verb: 'apply' }).then(() => undefined, (e: unknown) => e);
  assert.equal(describeConnectionError(down).kind, 'unreachable');
});
