import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerNode, PodNode } from '../../../../client/src/kube/tree/nodes';
import { presentNode, tooltipOf } from '../../../../client/src/kube/tree/presentation';
import { settle } from '../fakes/fakeCluster';
import { labels, open, setup, watching } from '../fakes/fakeTree';

test('context -> namespaces -> pods (sorted) -> containers with init, sidecar and ephemeral marked', async () => {
  const { cluster, model } = setup();
  cluster.create('web', 'b-pod');
  cluster.create('web', 'a-pod', {
    spec: {
      initContainers: [{ name: 'migrate', image: 'm' }, { name: 'proxy', image: 'p', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'a' }],
      ephemeralContainers: [{ name: 'debugger', image: 'd' }],
    },
  });
  cluster.create('db', 'x');
  const roots = model.children();
  assert.deepEqual(labels(roots, model), ['dev']);
  assert.deepEqual(labels(model.children(roots[0]), model), ['Loading pods…']);
  await settle();
  const namespaces = model.children(roots[0]);
  assert.deepEqual(labels(namespaces, model), ['db', 'web']);
  const pods = model.children(namespaces[1]) as PodNode[];
  assert.deepEqual(pods.map((p) => p.name), ['a-pod', 'b-pod']);
  const containers = model.children(pods[0]) as ContainerNode[];
  assert.deepEqual(containers.map((c) => [c.container, c.kind]), [['migrate', 'init'], ['proxy', 'sidecar'], ['app', 'app'], ['debugger', 'ephemeral']]);
  // A container node is a ContainerTarget: commands get context, namespace, pod name and the latest pod.
  assert.equal(containers[1].contextName, 'dev');
  assert.equal(containers[1].namespace, 'web');
  assert.equal(containers[1].name, 'a-pod');
  assert.equal(containers[1].pod.metadata?.name, 'a-pod');
});

test('a changed pod refreshes only that pod node (same object the view holds)', async () => {
  const { cluster, model, fired } = await watching('web', 'web/a', 'web/b');
  const shown = model.findPod('dev', 'web', 'a');
  cluster.update('web', 'a', (p) => { p.status = { phase: 'Running' }; });
  await settle();
  model.flush();
  assert.equal(fired.length, 1);
  assert.equal(fired[0].length, 1);
  assert.equal(fired[0][0], shown);
  assert.equal(shown!.summary.status, 'Running');
});

test('add and delete refresh the namespace; a new or emptied namespace refreshes the context', async () => {
  const { cluster, model, fired, ns } = await watching('web', 'web/a');

  cluster.create('web', 'c');
  await settle();
  model.flush();
  assert.deepEqual(fired.pop(), [ns]);

  cluster.create('jobs', 'j');
  await settle();
  model.flush();
  assert.deepEqual(fired.pop(), [ns.parent]);

  cluster.remove('web', 'c');
  await settle();
  model.flush();
  assert.deepEqual(fired.pop(), [ns]);
  assert.deepEqual((model.children(ns) as PodNode[]).map((p) => p.name), ['a']);
});

test('many events are coalesced into one batch with each node once', async () => {
  const { cluster, model, fired } = await watching('web', ...Array.from({ length: 50 }, (_, i) => `web/p${i}`));
  for (let round = 0; round < 10; round++) {
    for (let i = 0; i < 50; i++) cluster.update('web', `p${i}`, (p) => { p.status = { phase: 'Running', podIP: `10.0.${round}.${i}` }; });
  }
  await settle();
  model.flush();
  assert.equal(fired.length, 1);
  assert.equal(fired[0].length, 50);
  assert.equal(new Set(fired[0]).size, 50);
});

test('events under nodes the view never opened refresh the nearest opened ancestor only', async () => {
  const { cluster, model, fired } = await watching('web', 'web/a', 'db/d');
  // 'db' was shown as a namespace row but never expanded: a changed pod there changes no row on screen...
  cluster.update('db', 'd', (p) => { p.status = { phase: 'Running' }; });
  await settle();
  model.flush();
  assert.equal(fired.length, 0);
  // ...a new pod changes its row (the pod count), and only that row.
  cluster.create('db', 'e');
  await settle();
  model.flush();
  assert.equal(fired[0].length, 1);
  assert.equal(fired[0][0]!.nodeType, 'namespace');
});

test('a namespace with more pods than a page is split into stable name-range pages', async () => {
  const { cluster, model, fired } = setup({ pageSize: 4 });
  for (let i = 0; i < 10; i++) cluster.create('big', `pod-${String(i).padStart(2, '0')}`);
  const ns = await open(model, 'big');
  const pages = model.children(ns);
  // Paged at the 5th pod; later pods fill the last page up to twice the page size.
  assert.deepEqual(labels(pages, model), ['pod-00 … pod-03', 'pod-04 … pod-09']);
  for (const p of pages) model.children(p);
  model.flush();
  fired.length = 0;

  // A new pod lands in its page; only that page refreshes.
  cluster.create('big', 'pod-05a');
  await settle();
  model.flush();
  assert.deepEqual(fired.pop(), [pages[1]]);
  assert.deepEqual((model.children(pages[1]) as PodNode[]).map((p) => p.name), ['pod-04', 'pod-05', 'pod-05a', 'pod-06', 'pod-07', 'pod-08', 'pod-09']);

  // Past twice the page size the page splits: the namespace refreshes, and every pod is on exactly one page.
  cluster.create('big', 'pod-10');
  cluster.create('big', 'pod-11');
  await settle();
  model.flush();
  assert.deepEqual(fired.pop(), [ns]);
  const split = model.children(ns);
  assert.equal(split.length, 3);
  assert.equal(split[0], pages[0], 'untouched pages keep their identity');
  const all = split.flatMap((p) => (model.children(p) as PodNode[]).map((n) => n.name));
  assert.equal(all.length, 13);
  assert.equal(new Set(all).size, 13);
  assert.deepEqual(all, [...all].sort());

  // Shrinking below half a page goes back to a flat list.
  for (let i = 0; i < 12; i++) cluster.remove('big', `pod-${String(i).padStart(2, '0')}`);
  await settle();
  model.flush();
  assert.deepEqual((model.children(ns) as PodNode[]).map((p) => p.name), ['pod-05a']);
});

test('a forbidden list becomes a node carrying the API server message', async () => {
  const { cluster, model } = setup();
  cluster.listFailures.push(Object.assign(new Error('HTTP-Code: 403'), {
    code: 403,
    body: JSON.stringify({ kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods is forbidden: User "viewer" cannot list resource "pods" in API group "" at the cluster scope' }),
  }));
  const [ctx] = model.children();
  model.children(ctx);
  await settle();
  const [msg] = model.children(ctx);
  const item = presentNode(msg, model, Date.now());
  assert.equal(item.label, 'Forbidden (403): pods is forbidden: User "viewer" cannot list resource "pods" in API group "" at the cluster scope');
  assert.equal(item.description, 'retrying in 1s');
  assert.equal(item.icon?.id, 'error');
});

test('a context with a dangling reference says so instead of connecting', () => {
  const { source, model, cluster } = setup();
  source.problems.dev = 'Context "dev" refers to cluster "gone", which the kubeconfig does not define.';
  const [ctx] = model.children();
  assert.deepEqual(labels(model.children(ctx), model), [source.problems.dev]);
  assert.equal(cluster.listCalls, 0);
});

test('one-namespace scope shows that namespace even when empty, and lists only it', async () => {
  const { cluster, model } = setup({ namespace: 'team' });
  cluster.create('other', 'x');
  const [ctx] = model.children();
  model.children(ctx);
  await settle();
  const kids = model.children(ctx);
  assert.deepEqual(labels(kids, model), ['team']);
  // An empty chosen namespace (often remembered from another day) offers the way out, as a row with a command.
  const empty = model.children(kids[0]);
  assert.deepEqual(labels(empty, model), ['No pods in namespace "team"', 'Show all namespaces']);
  const offer = presentNode(empty[1], model, Date.now());
  assert.deepEqual(offer.command, { command: 'podscope.pods.showAllNamespaces', title: 'Show all namespaces', arguments: ['dev'] });
  assert.deepEqual(offer.icon, { id: 'globe' });
  assert.equal(presentNode(empty[0], model, Date.now()).command, undefined);

  // A pod arrives: the offer goes.
  cluster.create('team', 'y');
  await settle();
  assert.deepEqual(labels(model.children(kids[0]), model), ['y']);
});

test('no offer of all namespaces when a filter hides the pods, or when all namespaces are shown already', async () => {
  const scoped = setup({ namespace: 'team' });
  scoped.cluster.create('team', 'api');
  scoped.model.setFilter({ name: 'nothing-like-it' });
  const [ctx] = scoped.model.children();
  scoped.model.children(ctx);
  await settle();
  const [ns] = scoped.model.children(ctx);
  assert.deepEqual(labels(scoped.model.children(ns), scoped.model), ['No pods match the filter']);

  const all = setup();
  const [allCtx] = all.model.children();
  all.model.children(allCtx);
  await settle();
  const rows = all.model.children(allCtx);
  assert.deepEqual(labels(rows, all.model), ['No pods']);
  assert.equal(presentNode(rows[0], all.model, Date.now()).command, undefined);
});

test('name filter hides pods locally; a label selector re-queries the server', async () => {
  const { cluster, model } = setup();
  cluster.create('web', 'frontend-1', { metadata: { labels: { app: 'fe' } } });
  cluster.create('web', 'backend-1', { metadata: { labels: { app: 'be' } } });
  await open(model, 'web');
  model.setFilter({ name: 'front*' });
  const [ctx] = model.children();
  const ns2 = model.children(ctx).find((n) => n.nodeType === 'namespace')!;
  assert.deepEqual((model.children(ns2) as PodNode[]).map((p) => p.name), ['frontend-1']);
  model.setFilter({ name: 'END' });
  const ns2b = model.children(ctx).find((n) => n.nodeType === 'namespace')!;
  assert.deepEqual((model.children(ns2b) as PodNode[]).map((p) => p.name), ['backend-1', 'frontend-1']);

  const listsBefore = cluster.listCalls;
  model.setFilter({ labelSelector: 'app=be' });
  await settle();
  assert.equal(cluster.listCalls, listsBefore + 1);
  const ns3 = model.children(ctx).find((n) => n.nodeType === 'namespace')!;
  assert.deepEqual((model.children(ns3) as PodNode[]).map((p) => p.name), ['backend-1']);
});

test('pod row: STATUS · READY · restarts (ago) · AGE, icon by status', async () => {
  const { cluster, model } = setup();
  const now = Date.now();
  cluster.create('web', 'crashy', {
    metadata: { creationTimestamp: new Date(now - 3 * 3600_000) },
    status: {
      phase: 'Running',
      containerStatuses: [{
        name: 'main', image: 'i', imageID: '', ready: false, restartCount: 7,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: new Date(now - 90_000) } },
      }],
    },
  });
  await open(model, 'web');
  const pod = model.findPod('dev', 'web', 'crashy')!;
  const item = presentNode(pod, model, now);
  assert.equal(item.description, 'CrashLoopBackOff · 0/1 · 7 restarts (90s ago) · 3h');
  assert.deepEqual(item.icon, { id: 'debug-restart', color: 'charts.red' });
  assert.equal(item.contextValue, 'podscope.pod');
  assert.equal(item.tooltip, undefined, 'pod tooltips are built on hover');
  assert.match(tooltipOf(pod, now)!, /last termination: Error, exit code 1 \(90s ago\)/);
  const [container] = model.children(pod);
  const c = presentNode(container, model, now);
  assert.equal(c.description, 'CrashLoopBackOff · 7 restarts');
  assert.equal(c.contextValue, 'podscope.container.app');
});

test('ephemeral containers: a running debugger is simply running (never ready: no probes), a terminated one is greyed and says so', async () => {
  const { cluster, model } = setup();
  const now = Date.now();
  const status = (name: string, state: object, ready = false) => ({ name, image: 'busybox:1.36', imageID: '', ready, restartCount: 0, state });
  cluster.create('web', 'debugged', {
    spec: {
      containers: [{ name: 'app', image: 'a' }],
      ephemeralContainers: [{ name: 'debugger-live', image: 'busybox:1.36' }, { name: 'debugger-done', image: 'busybox:1.36' }, { name: 'debugger-err', image: 'busybox:1.36' }],
    },
    status: {
      phase: 'Running',
      containerStatuses: [status('app', { terminated: { exitCode: 2, reason: 'Error' } })],
      ephemeralContainerStatuses: [
        status('debugger-live', { running: { startedAt: new Date(now) } }),
        status('debugger-done', { terminated: { exitCode: 0, reason: 'Completed' } }),
        status('debugger-err', { terminated: { exitCode: 130, reason: 'Error' } }),
      ],
    },
  });
  await open(model, 'web');
  const rows = model.children(model.findPod('dev', 'web', 'debugged')!).map((n) => presentNode(n, model, now));
  assert.deepEqual(rows.map((r) => [r.label, r.description, r.icon]), [
    ['app', 'Error (2)', { id: 'error', color: 'charts.red' }],
    ['debugger-live', 'ephemeral · Running', { id: 'pass-filled', color: 'charts.green' }],
    ['debugger-done', 'ephemeral · terminated: Completed (0)', { id: 'debug-disconnect', color: 'disabledForeground' }],
    ['debugger-err', 'ephemeral · terminated: Error (130)', { id: 'debug-disconnect', color: 'disabledForeground' }],
  ]);
  assert.ok(rows.slice(1).every((r) => r.contextValue === 'podscope.container.ephemeral'));
});

test('refresh re-lists and converges without rebuilding unchanged pods', async () => {
  const { cluster, model } = setup();
  cluster.create('web', 'a');
  await open(model, 'web');
  const before = model.findPod('dev', 'web', 'a');
  model.refresh();
  await settle();
  assert.equal(model.findPod('dev', 'web', 'a'), before);
});
