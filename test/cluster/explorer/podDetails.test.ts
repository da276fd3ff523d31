// Pod details against the real local cluster: the document's node, pod IPs, host IP, QoS class and each container's
// restarts equal what `kubectl get pod -o json` says, and the document follows the pod by the tree's own watch — a
// crash-looping container's restarts, a label added with kubectl, and the pod's deletion (its last state kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { PodDetailsTracker } from '../../../client/src/kube/details/podDetailsTracker';
import { useCluster } from './clusterFixture';
import { openTree, scratchNamespace, unscheduledPod, type TreeUnderTest } from './treeWalk';
import { until } from '../../support/until';

const opened: { dispose(): void }[] = [];
const fixture = useCluster('pod details cluster tests', { cleanup: async () => { for (const o of opened) o.dispose(); } });

interface Following {
  ui: TreeUnderTest;
  text(): string;
  /** How many times the document's text changed. */
  redraws(): number;
}

function follow(kubeconfig: string, namespace: string, name: string): Following {
  const ui = openTree(kubeconfig, { namespace });
  let redraws = 0;
  const tracker = new PodDetailsTracker(ui.model, () => { redraws++; });
  opened.push(ui, tracker);
  const key = `podscope-details:/${namespace}/${name}`;
  tracker.open(key, { contextName: ui.connection.activeContext()!, namespace, name });
  return { ui, text: () => tracker.text(key)!, redraws: () => redraws };
}

/** A `Title:  value` line of the document's top block. */
function fact(text: string, title: string): string | undefined {
  return new RegExp(`^${title}:\\s+(.*)$`, 'm').exec(text)?.[1];
}

/** Each container's Restarts line, by container name. */
function restarts(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^ {2}(\S+?)(?: \(sidecar\))?:\n(?: {4}.*\n)*? {4}Restarts:\s+(\d+)$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

function expectedFacts(pod: V1Pod) {
  const s = pod.status ?? {};
  return {
    node: pod.spec?.nodeName || '<none>',
    podIPs: s.podIPs?.map((p) => p.ip).join(', ') || s.podIP || '<none>',
    hostIP: s.hostIPs?.map((p) => p.ip).join(', ') || s.hostIP || '<none>',
    qos: s.qosClass || '<none>',
    // A container the kubelet has not reported yet has restarted 0 times (the document says 0, kubectl has no status).
    restarts: Object.fromEntries([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => [
      c.name, [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])].find((x) => x.name === c.name)?.restartCount ?? 0,
    ])),
  };
}

function documentFacts(text: string) {
  return { node: fact(text, 'Node'), podIPs: fact(text, 'Pod IPs'), hostIP: fact(text, 'Host IP'), qos: fact(text, 'QoS Class'), restarts: restarts(text) };
}

for (const key of ['running', 'native-sidecar', 'crashloop', 'evicted', 'unschedulable']) {
  test(`${key}: node, IPs, QoS and restarts equal kubectl get pod -o json`, async (t) => {
    const c = fixture.need(t);
    if (!c) return;
    const p = c.pod(key);
    const doc = follow(c.kubeconfig, p.namespace, p.name);
    await until(`the details of ${p.name} to be live`, () => / · live\n/.test(doc.text()));
    // crashloop's restarts move every few seconds: compare a reading of kubectl with the document until they agree.
    await until(`the details of ${p.name} to equal kubectl`, async () => {
      const pod = await c.kubectl.json<V1Pod>(['get', 'pod', p.name, '-n', p.namespace, '-o', 'json']);
      assert.deepEqual(documentFacts(doc.text()), expectedFacts(pod));
      return true;
    }, 30_000);
    // crashloop's status flips between Running and CrashLoopBackOff as it restarts.
    if (key !== 'crashloop') assert.match(doc.text(), new RegExp(`^Status:\\s+${p.expect.status}\\b`, 'm'));
  });
}

test("a crash-looping container's restarts reach the document by watch, with no refresh", async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const p = c.pod('crashloop');
  const doc = follow(c.kubeconfig, p.namespace, p.name);
  const first = await until('the first restart count', () => { const r = restarts(doc.text()); return Object.keys(r).length > 0 ? r : undefined; });
  const [container, before] = Object.entries(first).sort((a, b) => b[1] - a[1])[0];
  const redrawsBefore = doc.redraws();
  await until(`${container} to restart again in the document`, () => (restarts(doc.text())[container] > before ? true : undefined), 30_000);
  assert.ok(doc.redraws() > redrawsBefore);
  assert.match(doc.text(), /Last Termination:\s+\S.*exit code \d+/);
});

test('a label added with kubectl shows in the document; the deleted pod keeps its last state under POD DELETED', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ns = await scratchNamespace(c, t, 'podscope-details');
  await c.kubectl.ok(['create', '-f', '-'], unscheduledPod('probe', ns));
  const doc = follow(c.kubeconfig, ns, 'probe');
  await until('the document to be live', () => / · live\n/.test(doc.text()));
  assert.equal(fact(doc.text(), 'Labels'), '<none>');

  await c.kubectl.ok(['label', 'pod', 'probe', '-n', ns, 'tier=canary']);
  await until('the label in the document', () => fact(doc.text(), 'Labels') === 'tier=canary');

  await c.kubectl.ok(['delete', 'pod', 'probe', '-n', ns, '--wait=true']);
  await until('the document to say the pod is deleted', () => /^Pod [^\n]* · POD DELETED \(noticed [^)]+\) — the last known state follows\n/.test(doc.text()));
  assert.equal(fact(doc.text(), 'Labels'), 'tier=canary', 'the last known state is kept');
  assert.equal(fact(doc.text(), 'QoS Class'), 'BestEffort');
});
