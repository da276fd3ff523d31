// Events on pod rows (⚠ n, tooltip) and the events index behind the Events view, over the fake cluster's watch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreV1Event } from '@kubernetes/client-node';
import { presentEvent } from '../../../../client/src/kube/events/eventPresentation';
import { countOf, lastSeenMs, PodEvents } from '../../../../client/src/kube/events/podEvents';
import { presentNode, tooltipOf } from '../../../../client/src/kube/tree/presentation';
import { settle } from '../fakes/fakeCluster';
import { watching } from '../fakes/fakeTree';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

test('a Warning event of a pod shows as ⚠ n on its row and in its tooltip, by watch', async () => {
  const { cluster, model, fired } = await watching('web', 'web/a', 'web/b');
  const a = model.findPod('dev', 'web', 'a')!;
  const uid = a.pod.metadata!.uid!;
  const description = () => presentNode(a, model, Date.now()).description!;
  assert.doesNotMatch(description(), /⚠/);

  cluster.events.emit('web', 'a', { reason: 'BackOff', type: 'Warning', message: 'Back-off restarting failed container main', count: 3, lastTimestamp: minutesAgo(2), uid });
  await settle();
  model.flush();
  assert.deepEqual(fired, [[a]], 'only the pod the event names is refreshed');
  assert.match(description(), /^Pending · ⚠ 1 · /);
  const tip = tooltipOf(a, Date.now())!;
  assert.match(tip, /\*\*Warning events\*\* \(1\)/);
  assert.match(tip, /BackOff\*\* ×3 \(2m ago\): Back\\-off restarting failed container main/);

  // A second warning; then the first repeats (count and time move): the row says 2, the newest comes first.
  cluster.events.emit('web', 'a', { reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed', lastTimestamp: minutesAgo(1), uid });
  cluster.events.emit('web', 'a', { reason: 'BackOff', type: 'Warning', message: 'Back-off restarting failed container main', count: 4, lastTimestamp: minutesAgo(0), uid });
  await settle();
  assert.match(description(), /⚠ 2/);
  assert.deepEqual(a.warnings.map((e) => [e.reason, e.count]), [['BackOff', 4], ['Unhealthy', 1]]);
  model.flush();
  fired.length = 0;

  // Normal events, events of an earlier pod with the same name and events of other pods change nothing on this row.
  cluster.events.emit('web', 'a', { reason: 'Pulled', type: 'Normal', message: 'image pulled', uid });
  cluster.events.emit('web', 'a', { reason: 'Failed', type: 'Warning', message: 'old pod', uid: 'an-earlier-uid' });
  cluster.events.emit('web', 'b', { reason: 'FailedMount', type: 'Warning', message: 'no volume' });
  await settle();
  model.flush();
  assert.equal(a.warnings.length, 2);
  assert.deepEqual(fired, [[model.findPod('dev', 'web', 'b')]]);

  // A deleted (expired) event leaves the row.
  cluster.events.remove('web', 'a.unhealthy');
  await settle();
  assert.match(description(), /⚠ 1/);
});

test('warnings that came before the pod was listed are on its row from the start', async () => {
  const { cluster, model } = await watching('web', 'web/a');
  cluster.events.emit('web', 'late', { reason: 'FailedScheduling', type: 'Warning', message: '0/3 nodes are available' });
  await settle();
  cluster.create('web', 'late');
  await settle();
  assert.match(presentNode(model.findPod('dev', 'web', 'late')!, model, Date.now()).description!, /⚠ 1/);
});

test('the events of a context reach the Events view listeners once per batch, newest first', async () => {
  const { cluster, model } = await watching('web', 'web/a');
  const heard: string[] = [];
  model.onEventsChange((c) => heard.push(c));
  cluster.events.emit('web', 'a', { reason: 'Scheduled', lastTimestamp: minutesAgo(5) });
  cluster.events.emit('web', 'a', { reason: 'Pulled', lastTimestamp: minutesAgo(1) });
  cluster.events.emit('web', 'a', { reason: 'Created', lastTimestamp: minutesAgo(3) });
  await settle();
  model.flush();
  assert.deepEqual(heard, ['dev']);
  assert.deepEqual(model.session('dev')!.events.newest(10).map((e) => e.reason), ['Pulled', 'Created', 'Scheduled']);
  assert.deepEqual(model.session('dev')!.events.newest(2).map((e) => e.reason), ['Pulled', 'Created']);
});

test('index: count and last seen of a series, re-pointed events, deletes', () => {
  const series: CoreV1Event = {
    metadata: { namespace: 'web', name: 'e1' },
    involvedObject: { kind: 'Pod', name: 'a' },
    reason: 'BackOff',
    type: 'Warning',
    eventTime: new Date('2026-12-01T10:00:00Z'),
    series: { count: 12, lastObservedTime: new Date('2026-12-01T10:05:00Z') },
  };
  assert.equal(countOf(series), 12);
  assert.equal(lastSeenMs(series), Date.parse('2026-12-01T10:05:00Z'));
  const index = new PodEvents();
  assert.equal(index.upsert(series), 'web/a');
  assert.equal(index.warningsOf('web', 'a', undefined).length, 1);
  // The same event now names a node: it is no longer the pod's.
  assert.equal(index.upsert({ ...series, involvedObject: { kind: 'Node', name: 'node-1' } }), undefined);
  assert.equal(index.warningsOf('web', 'a', undefined).length, 0);
  assert.equal(index.size, 1);
  index.delete(series);
  assert.equal(index.size, 0);
});

test('Events view row: reason, object, count, last seen; type as the icon; message in the tooltip', () => {
  const e: CoreV1Event = {
    metadata: { namespace: 'web', name: 'a.1' },
    involvedObject: { kind: 'Pod', name: 'a', namespace: 'web' },
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
    type: 'Warning',
    count: 5,
    lastTimestamp: new Date(Date.now() - 90_000),
    source: { component: 'kubelet' },
  };
  const row = presentEvent(e, Date.now(), false);
  assert.equal(row.label, 'BackOff');
  assert.equal(row.description, 'pod/a · ×5 · 90s ago');
  assert.deepEqual(row.icon, { id: 'warning', color: 'charts.yellow' });
  assert.match(row.tooltip, /Type: Warning · Object: web/);
  assert.match(row.tooltip, /From: kubelet/);
  assert.match(row.tooltip, /Back\\-off restarting failed container$/);
  assert.equal(presentEvent({ ...e, type: 'Normal', count: 1 }, Date.now(), true).description, 'web pod/a · 90s ago');
});
