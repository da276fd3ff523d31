// The metrics poller over a fake cluster and a fake clock: it reads only while the view is visible and refreshing is
// on, one round at a time; a cluster without metrics is said once (not once per round) and figures are taken back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodMetric } from '@kubernetes/client-node';
import { ApiRequestError } from '../../../../client/src/kube/cluster/apiRequest';
import { MetricsPoller, type MetricsScope } from '../../../../client/src/kube/metrics/metricsPoller';
import type { MetricsSnapshot } from '../../../../client/src/kube/metrics/podUsage';
import { cpuMillis } from '../../../../client/src/kube/metrics/quantity';
import { FakeCluster, settle } from '../fakes/fakeCluster';
import { FakeClock } from '../fakes/fakeClock';

function metric(namespace: string, name: string, cpu: string): PodMetric {
  return {
    metadata: { name, namespace, selfLink: '', creationTimestamp: '' },
    timestamp: '', window: '30s', containers: [{ name: 'main', usage: { cpu, memory: '1Mi' } }],
  };
}

function setup(scopes?: () => MetricsScope[]) {
  const cluster = new FakeCluster();
  const clock = new FakeClock();
  const shown = new Map<string, MetricsSnapshot | undefined>();
  const said: [string, string | undefined][] = [];
  const poller = new MetricsPoller(scopes ?? (() => [{ contextName: 'dev', api: cluster, namespace: 'web' }]), {
    metrics: (c, s) => shown.set(c, s),
    availability: (c, reason) => said.push([c, reason]),
  }, { setTimer: (fn, ms) => clock.setTimeout(fn, ms), clearTimer: (h) => clock.clearTimeout(h) });
  const cpuOf = (name: string) => {
    const usage = shown.get('dev')?.get(`web/${name}`);
    return usage ? cpuMillis(usage.total.cpu) : undefined;
  };
  return { cluster, clock, poller, shown, said, cpuOf };
}

/** Lets the round the last timer started finish. */
async function tick(clock: FakeClock, ms: number): Promise<void> {
  clock.advance(ms);
  await settle();
}

test('reads only while visible and on; at the interval, in the tree\'s namespace scope', async () => {
  const { cluster, clock, poller, cpuOf } = setup();
  cluster.podMetrics = [metric('web', 'a', '12000000n'), metric('other', 'b', '1m')];
  poller.setInterval(15_000);
  await settle();
  assert.deepEqual(cluster.metricsCalls, [], 'a hidden view reads nothing');

  poller.setVisible(true);
  await settle();
  assert.deepEqual(cluster.metricsCalls, ['web'], 'becoming visible reads at once');
  assert.equal(cpuOf('a'), 12);
  assert.deepEqual(clock.pending(), [15_000]);

  cluster.podMetrics = [metric('web', 'a', '20m')];
  await tick(clock, 15_000);
  assert.equal(cluster.metricsCalls.length, 2);
  assert.equal(cpuOf('a'), 20);

  poller.setVisible(false);
  assert.deepEqual(clock.pending(), [], 'a hidden view schedules nothing');
  await tick(clock, 60_000);
  assert.equal(cluster.metricsCalls.length, 2);
});

test('refreshSeconds 0 turns metrics off and takes the shown figures back', async () => {
  const { cluster, clock, poller, shown } = setup();
  cluster.podMetrics = [metric('web', 'a', '5m')];
  poller.setInterval(15_000);
  poller.setVisible(true);
  await settle();
  assert.equal(shown.get('dev')?.size, 1);
  poller.setInterval(0);
  assert.equal(shown.get('dev'), undefined, 'figures cleared');
  assert.deepEqual(clock.pending(), []);
  await tick(clock, 60_000);
  assert.equal(cluster.metricsCalls.length, 1);
});

for (const [code, reason] of [
  [404, 'the metrics API (metrics.k8s.io) is not installed'],
  [503, 'the metrics API (metrics.k8s.io) is not available'],
  [403, 'not allowed to read pod metrics (metrics.k8s.io)'],
] as const) {
  test(`HTTP ${code}: said once over many rounds, figures taken back, and said again only when metrics return`, async () => {
    const { cluster, clock, poller, said, shown, cpuOf } = setup();
    cluster.podMetrics = [metric('web', 'a', '5m')];
    poller.setInterval(1_000);
    poller.setVisible(true);
    await settle();
    assert.equal(cpuOf('a'), 5);

    cluster.metricsFailure = new ApiRequestError(code, 'the server could not find the requested resource');
    for (let i = 0; i < 5; i++) await tick(clock, 1_000);
    assert.equal(cluster.metricsCalls.length, 6, 'it keeps looking (an APIService becomes available)');
    assert.deepEqual(said, [['dev', reason]]);
    assert.equal(shown.get('dev'), undefined);

    cluster.metricsFailure = undefined;
    await tick(clock, 1_000);
    await tick(clock, 1_000);
    assert.deepEqual(said, [['dev', reason], ['dev', undefined]]);
    assert.equal(cpuOf('a'), 5);
  });
}

test('a passing fault (timeout, 500) keeps the last figures and says nothing', async () => {
  const { cluster, clock, poller, said, cpuOf } = setup();
  cluster.podMetrics = [metric('web', 'a', '5m')];
  poller.setInterval(1_000);
  poller.setVisible(true);
  await settle();
  for (const failure of [new ApiRequestError(500, 'etcdserver: request timed out'), new Error('ECONNRESET')]) {
    cluster.metricsFailure = failure;
    await tick(clock, 1_000);
  }
  assert.equal(cluster.metricsCalls.length, 3);
  assert.deepEqual(said, []);
  assert.equal(cpuOf('a'), 5);
});

test('never two rounds at once: a slow list is joined, and the next waits a full interval after it', async () => {
  let release: () => void = () => {};
  const cluster = new FakeCluster();
  let calls = 0;
  const slow = Object.assign(Object.create(cluster) as FakeCluster, {
    listPodMetrics: () => { calls++; return new Promise((r) => { release = () => r({ items: [] }); }); },
  });
  const { clock, poller } = setup(() => [{ contextName: 'dev', api: slow, namespace: undefined }]);
  poller.setInterval(1_000);
  poller.setVisible(true);
  void poller.poll();
  await tick(clock, 5_000);
  assert.equal(calls, 1);
  release();
  await settle();
  assert.deepEqual(clock.pending(), [1_000]);
});

test('a context opened after a round is read at once, not an interval later', async () => {
  const { cluster, poller } = setup();
  const scopes: MetricsScope[] = [];
  const p = new MetricsPoller(() => scopes, { metrics: () => {}, availability: () => {} }, { setTimer: () => 1, clearTimer: () => {} });
  p.setInterval(15_000);
  p.setVisible(true);
  await settle();
  p.scopesChanged();
  await settle();
  assert.deepEqual(cluster.metricsCalls, [], 'nothing opened, nothing read');
  scopes.push({ contextName: 'dev', api: cluster, namespace: undefined });
  p.scopesChanged();
  await settle();
  p.scopesChanged();
  await settle();
  assert.deepEqual(cluster.metricsCalls, [undefined], 'read once for the new scope');
  poller.dispose();
});
