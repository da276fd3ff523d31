// Pod rows against the real local cluster: the -o wide columns (NODE, IP) are on the row without hovering, equal to
// `kubectl get pods -o wide`, and Sort Pods by Node orders them as `--sort-by=.spec.nodeName` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodNode } from '../../../client/src/kube/tree/nodes';
import { presentNode } from '../../../client/src/kube/tree/presentation';
import { useCluster } from './clusterFixture';
import { openTree, treeRows, type TreeUnderTest } from './treeWalk';
import { until } from '../../support/until';

const trees: TreeUnderTest[] = [];
const fixture = useCluster('pod row cluster tests', { cleanup: async () => { for (const t of trees) t.dispose(); } });

interface WideRow { name: string; ip: string; node: string }

function parseWide(text: string): WideRow[] {
  const [header, ...lines] = text.trim().split('\n');
  const at = (col: string) => header.indexOf(col);
  const cell = (line: string, col: string) => line.slice(at(col)).trim().split(/\s+/)[0];
  return lines.map((l) => ({ name: l.trim().split(/\s+/)[0], ip: cell(l, 'IP'), node: cell(l, 'NODE') }));
}

for (const namespace of ['demo', 'staging']) {
  test(`${namespace}: each row shows the NODE and IP of kubectl get pods -o wide; sorted by node in kubectl's node order`, async (t) => {
    const c = fixture.need(t);
    if (!c) return;
    const ui = openTree(c.kubeconfig, { namespace });
    trees.push(ui);
    await until('pods loaded', () => { const r = treeRows(ui.model); return Array.isArray(r) && r.length > 0 ? r : undefined; });
    const wide = parseWide(await c.kubectl.ok(['get', 'pods', '-n', namespace, '-o', 'wide']));
    const context = ui.connection.activeContext()!;
    for (const row of wide) {
      const node = ui.model.findPod(context, namespace, row.name);
      assert.ok(node, `${row.name} in the tree`);
      const description = presentNode(node, ui.model, Date.now()).description!;
      const cells = description.split(' · ');
      // kubectl prints <none> where the pod has no node or IP yet; the row leaves the cell out.
      for (const v of [row.node, row.ip]) {
        if (v === '<none>') continue;
        assert.ok(cells.includes(v), `${row.name}: "${v}" in "${description}"`);
      }
      if (row.node === '<none>') assert.ok(!cells.some((x) => x.startsWith('kwok-')), `${row.name} shows no node`);
    }

    ui.model.setSortByNode(true);
    const [ctx] = ui.model.children();
    const nsNode = ui.model.children(ctx).find((n) => n.nodeType === 'namespace')!;
    const ours = (ui.model.children(nsNode) as PodNode[]).map((p) => p.pod.spec?.nodeName ?? '<none>');
    // kubectl's sort is not stable among pods of one node, so the node sequence is what can be compared.
    const sorted = parseWide(await c.kubectl.ok(['get', 'pods', '-n', namespace, '-o', 'wide', '--sort-by=.spec.nodeName'])).map((r) => r.node);
    assert.deepEqual(ours, sorted);
  });
}
