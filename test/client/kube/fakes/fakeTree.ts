// A pod tree model over a fake cluster, opened the way a user opens it: the fixture the tree and events tests share.
import assert from 'node:assert/strict';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import type { ConnectionSource, ContextDetail } from '../../../../client/src/kube/cluster/connection';
import { PodTreeModel } from '../../../../client/src/kube/tree/treeModel';
import type { TreeNode } from '../../../../client/src/kube/tree/nodes';
import { presentNode } from '../../../../client/src/kube/tree/presentation';
import { FakeCluster, settle } from './fakeCluster';
import { FakeClock } from './fakeClock';

export class FakeSource implements ConnectionSource {
  namespaces: Record<string, string | undefined> = {};
  problems: Record<string, string> = {};
  active = 'dev';
  constructor(private readonly apis: Record<string, ClusterApi>) {}
  contexts(): string[] { return Object.keys(this.apis); }
  activeContext(): string { return this.active; }
  namespaceOf(c: string): string | undefined { return this.namespaces[c]; }
  contextProblem(c: string): string | undefined { return this.problems[c]; }
  contextDetail(): ContextDetail { return {}; }
  api(c: string): ClusterApi { return this.apis[c]; }
}

export function setup(o: { pageSize?: number; namespace?: string } = {}) {
  const cluster = new FakeCluster();
  const source = new FakeSource({ dev: cluster });
  source.namespaces.dev = o.namespace;
  const clock = new FakeClock();
  const model = new PodTreeModel(source, {
    pageSize: o.pageSize,
    informer: { clock, pageSize: 1000 },
    setTimer: () => 1,
    clearTimer: () => {},
  });
  const fired: (TreeNode | undefined)[][] = [];
  model.onDidChange((nodes) => fired.push(nodes));
  return { cluster, source, model, fired, clock };
}

export const labels = (nodes: TreeNode[], model: PodTreeModel) => nodes.map((n) => presentNode(n, model, Date.now()).label);

/** Opens the tree down to the pods of one namespace, like a user expanding nodes. */
export async function open(model: PodTreeModel, namespace: string): Promise<TreeNode> {
  const [ctx] = model.children();
  model.children(ctx);
  await settle();
  const ns = model.children(ctx).find((n) => n.nodeType === 'namespace' && n.namespace === namespace);
  assert.ok(ns, `namespace ${namespace} shown`);
  model.children(ns);
  return ns;
}

/** A tree over `pods` (namespace/name) with `namespace` opened, its first refreshes flushed and forgotten. */
export async function watching(namespace: string, ...pods: string[]) {
  const t = setup();
  for (const p of pods) t.cluster.create(p.split('/')[0]!, p.split('/')[1]!);
  const ns = await open(t.model, namespace);
  t.model.flush();
  t.fired.length = 0;
  return { ...t, ns };
}
