// The pod tree against the real local cluster (kube-apiserver 1.36.1 + kwok): what it shows must be what
// `kubectl get pods` prints, and it must follow pods created, changed and deleted with kubectl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useCluster } from './clusterFixture';
import type { ContainerNode } from '../../../client/src/kube/tree/nodes';
import { assertTreeMatchesKubectl, contextMessage, openTree, parseKubectlPods, rowsOrThrow, scratchNamespace, sortRows, type TreeUnderTest } from './treeWalk';
import { until } from '../../support/until';

const trees: TreeUnderTest[] = [];
const fixture = useCluster('pod tree cluster tests', { cleanup: async () => { for (const t of trees) t.dispose(); } });

function tree(kubeconfig: string, o: Parameters<typeof openTree>[1] = {}): TreeUnderTest {
  const t = openTree(kubeconfig, o);
  trees.push(t);
  return t;
}

test('every seeded pod shows with exactly the READY, STATUS and RESTARTS that kubectl get pods -A prints', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ui = tree(c.kubeconfig, { namespace: null });
  const rows = await assertTreeMatchesKubectl(c, ui, ['get', 'pods', '-A']);
  // The comparison is only worth something if the interesting states were there.
  const statuses = new Set(rows.map((r) => r.status));
  for (const s of ['Running', 'Terminating', 'Completed', 'Error', 'Evicted', 'Init:0/1', 'ImagePullBackOff', 'ContainerCreating', 'Pending']) {
    assert.ok(statuses.has(s), `seeded state ${s} present (saw ${[...statuses].join(', ')})`);
  }
  assert.ok(rows.some((r) => r.name === 'crashloop' && (r.status === 'CrashLoopBackOff' || r.status === 'Running')));
  // Seeded expectations agree too (a second, independent source).
  for (const p of c.pods.filter((p) => p.key !== 'crashloop')) {
    const row = rows.find((r) => r.namespace === p.namespace && r.name === p.name);
    assert.ok(row, `${p.namespace}/${p.name} in the tree`);
    assert.deepEqual({ status: row.status, ready: row.ready }, p.expect, `${p.namespace}/${p.name}`);
  }
});

test('containers are listed init-first with sidecars marked, as the seed declares them', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ui = tree(c.kubeconfig, { namespace: null });
  await until('pods loaded', () => rowsOrThrow(ui));
  for (const key of ['native-sidecar', 'sidecar', 'init-waiting']) {
    const seeded = c.pod(key);
    const pod = ui.model.findPod(ui.connection.activeContext()!, seeded.namespace, seeded.name);
    assert.ok(pod, `${key} in the tree`);
    const containers = ui.model.children(pod) as ContainerNode[];
    assert.deepEqual(containers.map((x) => x.container), seeded.containers, key);
    if (key === 'native-sidecar') assert.ok(containers.some((x) => x.kind === 'sidecar'), 'native sidecar marked');
    if (key === 'init-waiting') assert.equal(containers[0].kind, 'init');
  }
});

test('a pod created, changed and deleted with kubectl appears, changes and disappears', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ns = await scratchNamespace(c, t, 'podscope-tree');
  const ui = tree(c.kubeconfig, { namespace: ns });
  await until('the empty namespace to load', () => {
    const rows = rowsOrThrow(ui);
    return rows && rows.length === 0 ? rows : undefined;
  });

  const manifest = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'lifecycle', namespace: ns },
    // Never scheduled (no such scheduler): its status is ours to write, and deleting it needs no kubelet.
    spec: { schedulerName: 'podscope-test-none', containers: [{ name: 'app', image: 'example.invalid/app:1' }] },
  };
  await c.kubectl.ok(['create', '-f', '-'], JSON.stringify(manifest));
  await until('the new pod to appear', () => (rowsOrThrow(ui) ?? []).find((r) => r.name === 'lifecycle'));
  await assertTreeMatchesKubectl(c, ui, ['get', 'pods', '-n', ns], ns);

  const status = {
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{
        name: 'app', image: 'example.invalid/app:1', imageID: '', ready: false, restartCount: 4, started: false,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' } },
        lastState: { terminated: { exitCode: 2, reason: 'Error', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() } },
      }],
    },
  };
  await c.kubectl.ok(['patch', 'pod', 'lifecycle', '-n', ns, '--subresource=status', '--type=merge', '-p', JSON.stringify(status)]);
  await until('the change to show', () => (rowsOrThrow(ui) ?? []).find((r) => r.name === 'lifecycle' && r.status === 'CrashLoopBackOff'));
  const rows = await assertTreeMatchesKubectl(c, ui, ['get', 'pods', '-n', ns], ns);
  assert.deepEqual(rows.map((r) => [r.status, r.restarts]), [['CrashLoopBackOff', '4']]);

  await c.kubectl.ok(['delete', 'pod', 'lifecycle', '-n', ns, '--grace-period=0', '--force']);
  await until('the pod to disappear', () => {
    const now = rowsOrThrow(ui);
    return now && !now.some((r) => r.name === 'lifecycle') ? true : undefined;
  });
  assert.equal(contextMessage(ui.model), undefined, 'no error or loading node left behind');
});

test('the restricted user (client certificate) sees its context namespace and the same pods kubectl shows it', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ui = tree(c.restrictedKubeconfig);
  assert.equal(ui.connection.namespaceOf(ui.connection.activeContext()!), 'demo', 'defaults to the context namespace');
  const rows = await until('pods of the restricted user', async () => {
    const expected = sortRows(parseKubectlPods(await c.restrictedKubectl.ok(['get', 'pods', '-n', 'demo']), 'demo'));
    const actual = rowsOrThrow(ui);
    if (!actual) return undefined;
    assert.deepEqual(sortRows(actual), expected);
    return actual;
  });
  assert.ok(rows.length > 0);
});
