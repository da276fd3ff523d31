// The pod tree's initial list as a stream (WatchList, on by default in kube-apiserver 1.34+) against the real local
// cluster: the tree built from it, and kept by the same stream afterwards, must be what `kubectl get pods` prints; so
// must the tree built from pages, the path of servers that cannot stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../cluster';
import { WORKLOAD_LABEL } from '../seed/manifests';
import { useCluster } from './clusterFixture';
import { ForwardingApi } from './forwardingApi';
import type { ClusterApi, ListPodsOptions, WatchHandlers, WatchPodsOptions } from '../../../client/src/kube/cluster/clusterApi';
import { assertTreeMatchesKubectl, openTree, rowsOrThrow, scratchNamespace, unscheduledPod, type TreeUnderTest } from './treeWalk';
import { until } from '../../support/until';

const trees: TreeUnderTest[] = [];
const fixture = useCluster('streaming list cluster tests', { cleanup: async () => { for (const t of trees) t.dispose(); } });

/** The real api, counting how the informers read pods; `streams` decides whether they may ask for a stream. */
class CountingApi extends ForwardingApi {
  lists = 0;
  streams = 0;
  watches = 0;
  constructor(real: ClusterApi, readonly streamsLists: boolean) { super(real); }
  override listPods(o: ListPodsOptions) { this.lists++; return super.listPods(o); }
  override watchPods(o: WatchPodsOptions, handlers: WatchHandlers) {
    if (o.sendInitialEvents) this.streams++;
    else this.watches++;
    return super.watchPods(o, handlers);
  }
}

function tree(c: Cluster, streams: boolean, namespace: string | null): { ui: TreeUnderTest; api: () => CountingApi } {
  let api: CountingApi | undefined;
  const ui = openTree(c.kubeconfig, { namespace, wrapApi: (real) => (api = new CountingApi(real, streams)) });
  trees.push(ui);
  return { ui, api: () => api! };
}

for (const streams of [true, false]) {
  const path = streams ? 'a streaming list' : 'pages (no streaming)';
  test(`the seeded pods read through ${path} show exactly what kubectl get pods -A -l prints`, async (t) => {
    const c = fixture.need(t);
    if (!c) return;
    const { ui, api } = tree(c, streams, null);
    ui.model.setFilter({ labelSelector: WORKLOAD_LABEL });
    const shown = await assertTreeMatchesKubectl(c, ui, ['get', 'pods', '-A', '-l', WORKLOAD_LABEL]);
    assert.ok(shown.length >= c.pods.length, `every seeded pod (${c.pods.length}) is there`);
    assert.ok(new Set(shown.map((r) => r.status)).size >= 5, 'the seeded states differ (a decode that lost status would show one)');
    if (streams) assert.deepEqual([api().lists, api().streams > 0], [0, true], 'no page was read');
    else assert.deepEqual([api().streams, api().lists > 0], [0, true], 'pages only');
  });
}

test('after a streaming list the same stream follows pods created, changed and deleted with kubectl', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const ns = await scratchNamespace(c, t, 'podscope-stream');
  await c.kubectl.ok(['create', '-f', '-'], unscheduledPod('before', ns));
  const { ui, api } = tree(c, true, ns);
  await assertTreeMatchesKubectl(c, ui, ['get', 'pods', '-n', ns], ns);
  await c.kubectl.ok(['create', '-f', '-'], unscheduledPod('after', ns));
  await until('the new pod to appear', () => (rowsOrThrow(ui) ?? []).find((r) => r.name === 'after'));
  await c.kubectl.ok(['patch', 'pod', 'after', '-n', ns, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { reason: 'Streamed' } })]);
  await until('the changed status to show', () => (rowsOrThrow(ui) ?? []).find((r) => r.name === 'after' && r.status === 'Streamed'));
  await c.kubectl.ok(['delete', 'pod', 'before', '-n', ns, '--grace-period=0', '--force']);
  await until('the deleted pod to go', () => ((rowsOrThrow(ui) ?? [{ name: 'before' }]).some((r) => r.name === 'before') ? undefined : true));
  await assertTreeMatchesKubectl(c, ui, ['get', 'pods', '-n', ns], ns);
  // One request carried it all: the streaming list, then its changes (no page, no second watch).
  assert.deepEqual({ lists: api().lists, streams: api().streams, watches: api().watches }, { lists: 0, streams: 1, watches: 0 });
});
