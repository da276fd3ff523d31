// Events against the real local cluster: what the tree's events informer holds for a pod is what
// `kubectl get events --field-selector involvedObject.name=<pod>` lists (the scheduler's and kwok's own events, and
// ones created here), and a new Warning event reaches the pod's row and tooltip by watch, with no refresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreV1Event } from '@kubernetes/client-node';
import type { Cluster } from '../cluster';
import { useCluster } from './clusterFixture';
import { objectColumn, presentEvent } from '../../../client/src/kube/events/eventPresentation';
import { countOf, lastSeenMs } from '../../../client/src/kube/events/podEvents';
import type { PodNode, TreeNode } from '../../../client/src/kube/tree/nodes';
import { presentNode, tooltipOf } from '../../../client/src/kube/tree/presentation';
import { openTree, scratchNamespace, treeRows, unscheduledPod, type TreeUnderTest } from './treeWalk';
import { until } from '../../support/until';

const trees: TreeUnderTest[] = [];
const fixture = useCluster('events cluster tests', { cleanup: async () => { for (const t of trees) t.dispose(); } });

function tree(kubeconfig: string, namespace: string): TreeUnderTest {
  const t = openTree(kubeconfig, { namespace });
  trees.push(t);
  return t;
}

/** What the comparison looks at: kubectl's TYPE, REASON, OBJECT, MESSAGE and COUNT of one event, keyed by name. */
function essence(e: CoreV1Event): string {
  return JSON.stringify([e.metadata?.name, e.type, e.reason, objectColumn(e), e.message, countOf(e)]);
}

async function kubectlEvents(c: Cluster, namespace: string, pod: string): Promise<{ json: CoreV1Event[]; text: string[][] }> {
  const selector = ['get', 'events', '-n', namespace, '--field-selector', `involvedObject.name=${pod}`];
  const json = (await c.kubectl.json<{ items: CoreV1Event[] }>(selector)).items;
  // LAST SEEN, TYPE, REASON, OBJECT, MESSAGE: the columns the Events view shows; LAST SEEN left out (it ticks).
  const text = (await c.kubectl.ok(selector)).trim().split('\n').slice(1).filter(Boolean).map((l) => l.trim().split(/\s{2,}/).slice(1));
  return { json, text };
}

function eventsOfPod(ui: TreeUnderTest, namespace: string, pod: string): CoreV1Event[] {
  const session = ui.model.session(ui.connection.activeContext()!);
  return (session?.events.newest(10_000) ?? []).filter((e) => e.involvedObject.name === pod && e.metadata?.namespace === namespace);
}

/** The tree's events of a pod equal kubectl's, by JSON (count included) and by the printed columns. */
async function assertEventsMatchKubectl(c: Cluster, ui: TreeUnderTest, namespace: string, pod: string): Promise<CoreV1Event[]> {
  return until(`the events of ${namespace}/${pod} to equal kubectl get events`, async () => {
    const expected = await kubectlEvents(c, namespace, pod);
    const actual = eventsOfPod(ui, namespace, pod);
    if (actual.length !== expected.json.length) return undefined;
    assert.deepEqual(actual.map(essence).sort(), expected.json.map(essence).sort());
    const printed = actual.map((e) => [e.type ?? '', e.reason ?? '', objectColumn(e), e.message ?? '']);
    assert.deepEqual(printed.map((r) => JSON.stringify(r)).sort(), expected.text.map((r) => JSON.stringify(r)).sort());
    return actual;
  }, 30_000);
}

test('the events of seeded pods equal kubectl get events --field-selector involvedObject.name=<pod>', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const crashloop = c.pod('crashloop');
  const unschedulable = c.pod('unschedulable');
  for (const p of [crashloop, unschedulable]) {
    const ui = tree(c.kubeconfig, p.namespace);
    await until('pods loaded', () => (Array.isArray(treeRows(ui.model)) ? true : undefined));
    const events = await assertEventsMatchKubectl(c, ui, p.namespace, p.name);
    // Worth something only if the scheduler's and kwok's warnings were among them.
    assert.ok(events.some((e) => e.type === 'Warning'), `${p.name} has a Warning event (${events.map((e) => e.reason).join(', ')})`);
    const node = ui.model.findPod(ui.connection.activeContext()!, p.namespace, p.name)!;
    const warnings = events.filter((e) => e.type === 'Warning').length;
    assert.match(presentNode(node, ui.model, Date.now()).description!, new RegExp(` · ⚠ ${warnings}( · |$)`));
    // The Events view lists them newest first.
    const all = ui.model.session(ui.connection.activeContext()!)!.events.newest(500);
    const times = all.map((e) => lastSeenMs(e) ?? 0);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  }
});

test('a Warning event created with kubectl appears on the pod row and tooltip by watch, and its count follows', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ns = await scratchNamespace(c, t, 'podscope-events');
  await c.kubectl.ok(['create', '-f', '-'], unscheduledPod('probe', ns));
  const uid = (await c.kubectl.json<{ metadata: { uid: string } }>(['get', 'pod', 'probe', '-n', ns])).metadata.uid;
  const ui = tree(c.kubeconfig, ns);
  const node = await until('the pod row', () => {
    const rows = treeRows(ui.model);
    return Array.isArray(rows) && rows.length === 1 ? ui.model.findPod(ui.connection.activeContext()!, ns, 'probe') : undefined;
  });
  assert.doesNotMatch(presentNode(node, ui.model, Date.now()).description!, /⚠/);
  const refreshed: TreeNode[] = [];
  ui.model.onDidChange((nodes) => { for (const n of nodes) if (n) refreshed.push(n); });

  const now = new Date().toISOString();
  const event = {
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: 'probe.unhealthy', namespace: ns },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'probe', namespace: ns, uid, fieldPath: 'spec.containers{app}' },
    reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', type: 'Warning',
    count: 1, firstTimestamp: now, lastTimestamp: now, source: { component: 'kubelet', host: 'kwok-node-0' },
  };
  await c.kubectl.ok(['create', '-f', '-'], JSON.stringify(event));
  await until('⚠ 1 on the pod row', () => (/ · ⚠ 1( · |$)/.test(presentNode(node, ui.model, Date.now()).description!) ? true : undefined));
  await until('the pod row to be refreshed (batched)', () => (refreshed.includes(node) ? true : undefined));
  assert.match(tooltipOf(node, Date.now())!, /Unhealthy\*\* \(\d+s ago\): Readiness probe failed: HTTP probe failed with statuscode: 503/);
  await assertEventsMatchKubectl(c, ui, ns, 'probe');

  await c.kubectl.ok(['patch', 'event', 'probe.unhealthy', '-n', ns, '--type=merge', '-p', JSON.stringify({ count: 7, lastTimestamp: new Date().toISOString() })]);
  await until('the count to follow', () => (/Unhealthy\*\* ×7/.test(tooltipOf(node, Date.now())!) ? true : undefined));
  const [row] = await assertEventsMatchKubectl(c, ui, ns, 'probe');
  assert.match(presentEvent(row, Date.now(), false).description, /^pod\/probe · ×7 · \d+s ago$/);

  await c.kubectl.ok(['delete', 'event', 'probe.unhealthy', '-n', ns]);
  await until('the warning to leave the row', () => (/⚠/.test(presentNode(node, ui.model, Date.now()).description!) ? undefined : true));
});

test('a user who may not list events still gets the pod tree; the events informer only reports it', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const p = c.pod('crashloop');
  const ui = tree(c.restrictedKubeconfig, p.namespace);
  const rows = await until('pods loaded', () => { const r = treeRows(ui.model); return Array.isArray(r) && r.length > 0 ? r : undefined; });
  assert.ok(rows.some((r) => r.name === p.name));
  const session = ui.model.session(ui.connection.activeContext()!)!;
  const state = await until('the events list to be refused', () => (session.eventsState.kind === 'error' ? session.eventsState : undefined));
  assert.equal(state.problem.kind, 'forbidden');
  assert.doesNotMatch(presentNode(ui.model.findPod(ui.connection.activeContext()!, p.namespace, p.name) as PodNode, ui.model, Date.now()).description!, /⚠/);
});
