// Metrics in the Pods tree: the pod row's sum, each container row's figures with shares, both tooltips; a new
// snapshot refreshes only the shown pods whose drawing changed (a refresh closes the tooltip being read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodMetric } from '@kubernetes/client-node';
import { metricsSnapshot } from '../../../../client/src/kube/metrics/podUsage';
import type { PodNode } from '../../../../client/src/kube/tree/nodes';
import { presentNode, tooltipOf } from '../../../../client/src/kube/tree/presentation';
import { watching } from '../fakes/fakeTree';

function metric(name: string, containers: Record<string, string>): PodMetric {
  return {
    metadata: { name, namespace: 'web', selfLink: '', creationTimestamp: '' },
    timestamp: '', window: '30s',
    containers: Object.entries(containers).map(([c, cpu]) => ({ name: c, usage: { cpu, memory: '30Mi' } })),
  };
}

async function tree() {
  const t = await watching('web', 'web/a', 'web/b');
  t.cluster.update('web', 'a', (p) => {
    p.spec = { containers: [
      { name: 'app', image: 'nginx', resources: { requests: { cpu: '50m', memory: '60Mi' }, limits: { cpu: '200m' } } },
      { name: 'log', image: 'busybox' },
    ] };
  });
  await new Promise((r) => setImmediate(r));
  t.model.flush();
  t.fired.length = 0;
  const a = t.model.findPod('dev', 'web', 'a')!;
  const b = t.model.findPod('dev', 'web', 'b')!;
  t.model.children(a);
  return { ...t, a, b };
}

const describe = (t: Awaited<ReturnType<typeof tree>>, node: PodNode) => presentNode(node, t.model, Date.now()).description!;

test('the pod row ends with its sum, container rows show their figures and shares, tooltips both', async () => {
  const t = await tree();
  assert.doesNotMatch(describe(t, t.a), /cpu/, 'no metrics yet, nothing shown');
  t.model.setMetrics('dev', metricsSnapshot([metric('a', { app: '12000000n', log: '3000000n' })]));
  assert.match(describe(t, t.a), / · cpu 15m · mem 60Mi$/);
  const [app, log] = t.a.containers;
  assert.match(presentNode(app, t.model, Date.now()).description!, / · cpu 12m \(24% req, 6% lim\) · mem 30Mi \(50% req\)$/);
  assert.match(presentNode(log, t.model, Date.now()).description!, / · cpu 3m · mem 30Mi$/);
  const tip = tooltipOf(t.a, Date.now())!;
  assert.match(tip, /\*\*Usage\*\* — cpu 15m · mem 60Mi/, 'the log container has no request, so the pod has no share');
  assert.match(tip, /`app` — cpu 12m \(24% req, 6% lim\)/);
  assert.match(tooltipOf(app, Date.now())!, /Usage: cpu 12m \(24% req, 6% lim\) · mem 30Mi \(50% req\)/);
});

test('a snapshot refreshes only the shown pods whose figures read differently; none clears them', async () => {
  const t = await tree();
  t.model.setMetrics('dev', metricsSnapshot([metric('a', { app: '12m' }), metric('b', { main: '1m' })]));
  t.model.flush();
  assert.deepEqual(new Set(t.fired.flat()), new Set([t.a, t.b]));

  t.fired.length = 0;
  // 11.9999m prints 12m, as 12m did: pod a reads the same and is left alone.
  t.model.setMetrics('dev', metricsSnapshot([metric('a', { app: '11999900n' }), metric('b', { main: '2m' })]));
  t.model.flush();
  assert.deepEqual(t.fired, [[t.b]]);

  t.fired.length = 0;
  t.model.setMetrics('dev', undefined);
  t.model.flush();
  assert.deepEqual(new Set(t.fired.flat()), new Set([t.a, t.b]));
  assert.doesNotMatch(describe(t, t.a), /cpu/);
});
