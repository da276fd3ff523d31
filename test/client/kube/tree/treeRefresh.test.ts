// When the tree refreshes a row, and what survives a rebuild: a refresh closes the tooltip the user is reading, so an
// update that changes nothing visible must fire nothing; an opened namespace stays open across a new filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodNode } from '../../../../client/src/kube/tree/nodes';
import { presentNode, tooltipOf } from '../../../../client/src/kube/tree/presentation';
import { settle } from '../fakes/fakeCluster';
import { open, setup, watching } from '../fakes/fakeTree';

const running = { phase: 'Running', podIP: '10.1.0.7', qosClass: 'BestEffort' };

test('an update that changes nothing visible fires no change; the node still holds the latest pod', async () => {
  const { cluster, model, fired } = await watching('web', 'web/a');
  const node = model.findPod('dev', 'web', 'a')!;
  model.children(node);
  cluster.update('web', 'a', (p) => { p.metadata!.annotations = { 'kubectl.kubernetes.io/last-applied': 'x' }; p.metadata!.generation = 2; });
  await settle();
  model.flush();
  assert.equal(fired.length, 0, 'no change event for an invisible update');
  assert.equal(node.pod.metadata?.annotations?.['kubectl.kubernetes.io/last-applied'], 'x');

  // What a crash-looping pod gets between restarts: a new resourceVersion, nothing the row or tooltip shows.
  cluster.update('web', 'a', (p) => { p.metadata!.labels = { ...p.metadata!.labels }; });
  await settle();
  model.flush();
  assert.equal(fired.length, 0);

  cluster.update('web', 'a', (p) => { p.status = running; });
  await settle();
  model.flush();
  assert.deepEqual(fired, [[node]]);
});

test('a change seen only in the tooltip or a container row still refreshes the pod', async () => {
  const { cluster, model, fired } = await watching('web', 'web/a');
  const node = model.findPod('dev', 'web', 'a')!;
  cluster.update('web', 'a', (p) => { p.status = { ...running, conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }] }; });
  await settle();
  model.flush();
  fired.length = 0;
  const row = presentNode(node, model, Date.now()).description;
  // Condition reason changes: the description is the same, the tooltip is not.
  cluster.update('web', 'a', (p) => { p.status!.conditions![0].reason = 'PodCompleted'; });
  await settle();
  model.flush();
  assert.equal(presentNode(node, model, Date.now()).description, row);
  assert.match(tooltipOf(node, Date.now())!, /PodCompleted/);
  assert.deepEqual(fired, [[node]]);
});

test('pod description columns follow the setting: node, IP, QoS without hovering', async () => {
  const { cluster, model } = setup();
  const now = Date.now();
  cluster.create('web', 'a', {
    metadata: { creationTimestamp: new Date(now - 120_000) },
    spec: { nodeName: 'node-1', containers: [{ name: 'm', image: 'i' }] },
    status: running,
  });
  await open(model, 'web');
  const node = model.findPod('dev', 'web', 'a')!;
  assert.equal(presentNode(node, model, now).description, 'Running · 0/1 · 2m · node-1 · 10.1.0.7');
  model.setPodColumns(['node', 'qos']);
  assert.equal(presentNode(node, model, now).description, 'Running · node-1 · BestEffort');
  model.setPodColumns([]);
  assert.equal(presentNode(node, model, now).description, 'Running');
});

test('sort by node orders pods as --sort-by=.spec.nodeName (unscheduled first, then by name), and back', async () => {
  const { cluster, model, fired } = setup();
  const on = (nodeName: string | undefined) => ({ spec: { nodeName, containers: [{ name: 'm', image: 'i' }] } });
  cluster.create('web', 'a', on('node-2'));
  cluster.create('web', 'b', on('node-1'));
  cluster.create('web', 'c', on(undefined));
  cluster.create('web', 'd', on('node-1'));
  const ns = await open(model, 'web');
  const names = () => (model.children(ns) as PodNode[]).map((p) => p.name);
  assert.deepEqual(names(), ['a', 'b', 'c', 'd']);
  model.setSortByNode(true);
  assert.deepEqual(names(), ['c', 'b', 'd', 'a']);
  model.flush();
  fired.length = 0;
  // Scheduling moves a pod: its parent is refreshed so the order is right.
  cluster.update('web', 'c', (p) => { p.spec!.nodeName = 'node-3'; });
  await settle();
  model.flush();
  assert.deepEqual(fired, [[ns]]);
  assert.deepEqual(names(), ['b', 'd', 'a', 'c']);
  model.setSortByNode(false);
  assert.deepEqual(names(), ['a', 'b', 'c', 'd']);
});

test('an opened namespace stays open when a filter rebuilds it', async () => {
  const { cluster, model } = setup();
  cluster.create('web', 'web-1');
  cluster.create('web', 'api-1');
  const ns = await open(model, 'web');
  assert.equal(presentNode(ns, model, Date.now()).collapsible, 'collapsed');
  model.setExpanded(ns, true);
  model.setFilter({ name: 'web' });
  const [ctx] = model.children();
  const rebuilt = model.children(ctx).find((n) => n.nodeType === 'namespace')!;
  assert.notEqual(rebuilt, ns, 'the filter rebuilt the namespace node');
  assert.equal(presentNode(rebuilt, model, Date.now()).collapsible, 'expanded');
  model.setExpanded(rebuilt, false);
  model.setFilter({});
  const again = model.children(ctx).find((n) => n.nodeType === 'namespace')!;
  assert.equal(presentNode(again, model, Date.now()).collapsible, 'collapsed');
});
