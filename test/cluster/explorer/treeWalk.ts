// Helpers for the pod tree's cluster tests: build the real tree model over a kubeconfig file, read it back as rows
// the way a user sees it, and read `kubectl get pods` the same way.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Cluster } from '../cluster';
import { Connection } from '../../../client/src/kube/cluster/connection';
import { ConnectionPrefs, type MementoLike } from '../../../client/src/kube/cluster/connectionPrefs';
import type { InformerOptions } from '../../../client/src/kube/cluster/informer';
import { loadKubeconfig } from '../../../client/src/kube/cluster/kubeconfig';
import { PodTreeModel } from '../../../client/src/kube/tree/treeModel';
import type { PodNode, TreeNode } from '../../../client/src/kube/tree/nodes';
import { presentNode } from '../../../client/src/kube/tree/presentation';
import { readyColumn } from '../../../client/src/kube/pod/podStatus';
import { createClusterApi, type ClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import { until } from '../../support/until';

export interface PodRow {
  namespace: string;
  name: string;
  ready: string;
  status: string;
  /** The restart count only: "(5s ago)" drifts between two reads. */
  restarts: string;
}

export class MemoryMemento implements MementoLike {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined { return this.values.get(key) as T | undefined; }
  async update(key: string, value: unknown): Promise<void> { this.values.set(key, value); }
}

export interface TreeUnderTest {
  model: PodTreeModel;
  connection: Connection;
  dispose(): void;
}

export function openTree(
  kubeconfigFile: string,
  o: { informer?: InformerOptions; wrapApi?: (api: ClusterApi) => ClusterApi; namespace?: string | null } = {},
): TreeUnderTest {
  const load = loadKubeconfig({ origin: 'setting', files: [kubeconfigFile] });
  if (load.kind !== 'loaded') throw new Error(`kubeconfig ${kubeconfigFile} not usable: ${load.kind}`);
  const prefs = new ConnectionPrefs(new MemoryMemento());
  const connection = new Connection(load.kubeConfig, prefs, o.wrapApi ? (kc, ctx) => o.wrapApi!(createClusterApi(kc, ctx)) : undefined);
  const active = connection.activeContext()!;
  if (o.namespace !== undefined) void prefs.setNamespace(active, o.namespace ?? undefined);
  const model = new PodTreeModel(connection, { informer: o.informer, batchMs: 10 });
  return { model, connection, dispose: () => model.dispose() };
}

/** Every node under the active context, expanded like a user would (namespaces, pages, pods). */
export function treeRows(model: PodTreeModel): PodRow[] | { message: string } {
  const [ctx] = model.children();
  const kids = model.children(ctx);
  const message = kids.find((k) => k.nodeType === 'message');
  if (message && message.nodeType === 'message' && message.severity !== 'info') return { message: message.text };
  const rows: PodRow[] = [];
  for (const ns of kids.filter((k) => k.nodeType === 'namespace')) {
    for (const child of model.children(ns)) {
      const pods: TreeNode[] = child.nodeType === 'page' ? model.children(child) : [child];
      for (const p of pods) if (p.nodeType === 'pod') rows.push(rowOf(p));
    }
  }
  return rows;
}

export function rowOf(p: PodNode): PodRow {
  const s = p.summary;
  return { namespace: p.namespace, name: p.name, ready: readyColumn(s), status: s.status, restarts: String(s.restarts) };
}

/** The first message node under the active context (loading, error...), as the user reads it. */
export function contextMessage(model: PodTreeModel): string | undefined {
  const [ctx] = model.children();
  const msg = model.children(ctx).find((k) => k.nodeType === 'message');
  return msg ? presentNode(msg, model, Date.now()).label : undefined;
}

/** Parses `kubectl get pods -A` (or `-n ns`, with `namespace` given) text output. */
export function parseKubectlPods(text: string, namespace?: string): PodRow[] {
  const lines = text.trim().split('\n');
  const header = lines.shift() ?? '';
  const allNs = header.startsWith('NAMESPACE');
  return lines.filter((l) => l.trim() !== '').map((line) => {
    const cells = line.trim().split(/\s{2,}/);
    const [ns, name, ready, status, restarts] = allNs ? cells : [namespace ?? '', ...cells];
    return { namespace: ns, name, ready, status, restarts: restarts.split(' ')[0] };
  });
}

export const sortRows = (rows: PodRow[]): PodRow[] =>
  [...rows].sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1));


/** A Pod manifest (JSON) never scheduled (no such scheduler), so neither kwok nor a kubelet holds up its deletion. */
export const unscheduledPod = (name: string, namespace: string): string => JSON.stringify({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace },
  spec: { schedulerName: 'podscope-test-none', containers: [{ name: 'app', image: 'example.invalid/app:1' }] },
});

/** A namespace of its own for one test, created now and removed (with its pods, by force) after the test. */
export async function scratchNamespace(c: Cluster, t: TestContext, prefix: string): Promise<string> {
  const ns = `${prefix}-${process.pid}`;
  await c.kubectl.ok(['create', 'namespace', ns]);
  t.after(async () => {
    await c.kubectl.run(['delete', 'pods', '--all', '-n', ns, '--grace-period=0', '--force']);
    await c.kubectl.run(['delete', 'namespace', ns, '--wait=false']);
  });
  return ns;
}

/** The tree's pod rows; undefined while it is still loading; a thrown error when it shows a problem instead. */
export function rowsOrThrow(t: TreeUnderTest): PodRow[] | undefined {
  const rows = treeRows(t.model);
  if (!Array.isArray(rows)) {
    if (/^Loading/.test(rows.message)) return undefined;
    throw new Error(`tree shows "${rows.message}"`);
  }
  return rows;
}

/**
 * Reads kubectl and the tree back to back until they agree (the crashloop pod changes every few seconds, so a single
 * pair of reads can straddle a change); fails with the last difference if they never do.
 */
export async function assertTreeMatchesKubectl(c: Cluster, t: TreeUnderTest, kubectlArgs: string[], namespace?: string): Promise<PodRow[]> {
  return until('the tree to equal kubectl get pods', async () => {
    const expected = sortRows(parseKubectlPods(await c.kubectl.ok(kubectlArgs), namespace));
    const actual = rowsOrThrow(t);
    if (!actual) return undefined;
    assert.deepEqual(sortRows(actual), expected);
    return expected;
  }, 30_000);
}
