// Details documents kept live from the tree's informers (over the fake API server): a change the document shows
// redraws it once, a change it does not show redraws nothing, a deleted pod keeps its last text under "POD DELETED",
// and the document follows its pod whatever the tree's name filter hides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DetailsSection } from '../../../../client/src/kube/details/detailsSection';
import { PodDetailsTracker } from '../../../../client/src/kube/details/podDetailsTracker';
import { settle } from '../fakes/fakeCluster';
import { watching } from '../fakes/fakeTree';

const KEY = 'podscope-details:/dev/web/a.details';

async function following(...pods: string[]) {
  const t = await watching('web', ...pods);
  const changed: string[] = [];
  const tracker = new PodDetailsTracker(t.model, (key) => changed.push(key), { setTimer: () => 1, clearTimer: () => {} });
  const first = tracker.open(KEY, { contextName: 'dev', namespace: 'web', name: 'a' });
  /** Lets the watch deliver, then ends both batches (the tree's and the documents'). */
  const deliver = async () => { await settle(); t.model.flush(); tracker.flush(); };
  return { ...t, tracker, changed, first, deliver, text: () => tracker.text(KEY)! };
}

test('a label change and a container restart redraw the document once each; a change it does not show redraws nothing', async () => {
  const { cluster, changed, first, deliver, text } = await following('web/a', 'web/b');
  assert.match(first, /^Pod web\/a · context dev · live\n/);
  assert.match(first, /Labels:\s+<none>\n/);

  cluster.update('web', 'a', (p) => { p.metadata!.labels = { release: 'canary' }; });
  await deliver();
  assert.deepEqual(changed, [KEY]);
  assert.match(text(), /Labels:\s+release=canary\n/);

  cluster.update('web', 'a', (p) => { p.metadata!.annotations = { note: 'not shown' }; });
  cluster.update('web', 'b', (p) => { p.metadata!.labels = { other: 'pod' }; });
  await deliver();
  assert.deepEqual(changed, [KEY], 'an annotation and another pod change nothing the document shows');

  cluster.update('web', 'a', (p) => {
    p.status = {
      phase: 'Running',
      containerStatuses: [{
        name: 'main', image: 'busybox', imageID: '', ready: true, restartCount: 1, state: { running: { startedAt: new Date() } },
        lastState: { terminated: { exitCode: 2, reason: 'Error', finishedAt: new Date() } },
      }],
    };
  });
  cluster.update('web', 'a', (p) => { p.status!.podIP = '10.1.2.3'; });
  await deliver();
  assert.deepEqual(changed, [KEY, KEY], 'two updates in one batch redraw once');
  assert.match(text(), /Restarts:\s+1\n\s+Last Termination:\s+Error, exit code 2, finished /);
  assert.match(text(), /Pod IPs:\s+10\.1\.2\.3\n/);
});

test("the pod's events appear in the document by watch", async () => {
  const { cluster, model, changed, deliver, text } = await following('web/a');
  const uid = model.findPod('dev', 'web', 'a')!.pod.metadata!.uid;
  cluster.events.emit('web', 'a', { reason: 'Pulled', message: 'pulled busybox', uid });
  cluster.events.emit('web', 'a', { reason: 'BackOff', type: 'Warning', message: 'back-off', count: 4, uid });
  cluster.events.emit('web', 'other', { reason: 'Scheduled', message: 'not this pod' });
  await deliver();
  assert.ok(changed.length >= 1);
  assert.match(text(), /Events \(newest first\):\n {2}Last Seen\s+Type\s+Reason\s+Count\s+From\s+Message\n/);
  assert.match(text(), /Warning\s+BackOff\s+4\s+back-off\n/);
  assert.match(text(), /Normal\s+Pulled\s+1\s+pulled busybox\n/);
  assert.doesNotMatch(text(), /not this pod/);
});

test('a deleted pod keeps its last known text under "POD DELETED"; re-created under its name, it is followed again', async () => {
  const { cluster, changed, deliver, text } = await following('web/a');
  cluster.update('web', 'a', (p) => { p.spec!.nodeName = 'node-7'; });
  await deliver();
  cluster.remove('web', 'a');
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · POD DELETED \(noticed \d{4}-\d\d-\d\dT[\d:]+Z\) — the last known state follows\n/);
  assert.match(text(), /Node:\s+node-7\n/, 'the last known state is kept');
  const deletedText = text();
  const count = changed.length;
  await deliver();
  assert.equal(changed.length, count, 'a redraw of a deleted pod changes nothing');
  assert.equal(text(), deletedText);

  cluster.create('web', 'a');
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · live\n/);
  assert.match(text(), /Node:\s+<none>\n/);
});

test("the tree's name filter hiding the pod does not stop the document; a label selector that drops it is said so", async () => {
  const { cluster, model, deliver, text } = await following('web/a');
  model.setFilter({ name: 'nothing-matches' });
  await deliver();
  cluster.update('web', 'a', (p) => { p.spec!.nodeName = 'node-2'; });
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · live\n/);
  assert.match(text(), /Node:\s+node-2\n/);

  model.setFilter({ labelSelector: 'app=web' });
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · POD DELETED, or its labels no longer match the filter "app=web" \(noticed [^)]+\) — the last known state follows\n/);
  assert.match(text(), /Node:\s+node-2\n/);
  model.setFilter({});
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · live\n/);
});

test('the tree switched to another namespace: the document says it is not live and keeps its text', async () => {
  const { source, model, deliver, text } = await following('web/a');
  source.namespaces.dev = 'elsewhere';
  model.rescope('dev');
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · not live: the Pods view shows namespace "elsewhere" of this context now — the last known state follows\n/);
  assert.match(text(), /Containers:\n {2}main:\n/);
  source.namespaces.dev = 'web';
  model.rescope('dev');
  await deliver();
  await deliver();
  assert.match(text(), /^Pod web\/a · context dev · live\n/);
});

test('a closed document is no longer redrawn; a section that has news redraws the documents it names', async () => {
  const { cluster, tracker, changed, deliver, text } = await following('web/a');
  let cpu = '5m';
  let news: ((c?: { contextName: string; namespace: string; name: string }) => void) | undefined;
  const usage: DetailsSection = {
    title: 'Resource Usage',
    lines: () => [`cpu ${cpu}`],
    onDidChange: (l) => { news = l; return { dispose: () => { news = undefined; } }; },
  };
  const section = tracker.addSection(usage);
  tracker.flush();
  assert.match(text(), /Resource Usage:\n {2}cpu 5m\n/);
  cpu = '9m';
  news!({ contextName: 'dev', namespace: 'web', name: 'other' });
  tracker.flush();
  assert.match(text(), /cpu 5m/, 'news about another pod does not redraw this one');
  news!({ contextName: 'dev', namespace: 'web', name: 'a' });
  tracker.flush();
  assert.match(text(), /cpu 9m/);
  section.dispose();
  tracker.flush();
  assert.doesNotMatch(text(), /Resource Usage/);
  assert.equal(news, undefined);

  tracker.close(KEY);
  const count = changed.length;
  cluster.update('web', 'a', (p) => { p.metadata!.labels = { after: 'close' }; });
  await deliver();
  assert.equal(changed.length, count);
  assert.equal(tracker.text(KEY), undefined);
  assert.equal(tracker.openCount, 0);
});
