// Pod metrics against the local cluster's real metrics-server (scraping kwok's simulated usage): the figures the Pods
// tree shows for a pod and for each container equal `kubectl top pod` / `kubectl top pod --containers` read at the same
// moment, the shares of request and limit are computed from them right, and a cluster whose metrics API is refused
// (RBAC) or absent (APIService deleted) gives one quiet "metrics unavailable" and no figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { clusterLayout } from '../layout';
import { readState } from '../lifecycle';
import type { Cluster } from '../cluster';
import { MetricsPoller } from '../../../client/src/kube/metrics/metricsPoller';
import { unavailableMessage } from '../../../client/src/kube/metrics/metricsUnavailable';
import type { PodNode } from '../../../client/src/kube/tree/nodes';
import { presentNode, tooltipOf } from '../../../client/src/kube/tree/presentation';
import { createPodNamespace, useCluster } from './clusterFixture';
import { openTree, type TreeUnderTest } from './treeWalk';
import { until } from '../../support/until';

const NS = 'metrics-proof';
const POD = 'usage';
const APISERVICE = 'v1beta1.metrics.k8s.io';
/** millicores / MiB of each container's request and limit, as the manifest below sets them. */
const SPEC = {
  app: { cpu: { req: 50, lim: 200 }, mem: { req: 64, lim: 128 } },
  sidecar: { cpu: { req: 20 }, mem: { req: 16 } },
} as const;

function podManifest(): object {
  // Simulated usage per container (test/cluster/kwok/metrics/usage.yaml reads these annotations).
  const usage = { app: ['12m', '30Mi'], sidecar: ['7m', '10Mi'] };
  const annotations = Object.fromEntries(Object.entries(usage).flatMap(([c, [cpu, mem]]) => [
    [`usage.podscope.test/cpu.${c}`, cpu], [`usage.podscope.test/memory.${c}`, mem],
  ]));
  const resources = (c: keyof typeof SPEC) => {
    const s = SPEC[c] as { cpu: { req: number; lim?: number }; mem: { req: number; lim?: number } };
    const limits = { ...(s.cpu.lim ? { cpu: `${s.cpu.lim}m` } : {}), ...(s.mem.lim ? { memory: `${s.mem.lim}Mi` } : {}) };
    return { requests: { cpu: `${s.cpu.req}m`, memory: `${s.mem.req}Mi` }, ...(Object.keys(limits).length ? { limits } : {}) };
  };
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: POD, namespace: NS, annotations },
    spec: { containers: (['app', 'sidecar'] as const).map((name) => ({ name, image: 'nginx', resources: resources(name) })) },
  };
}

let deletedApiService: object | undefined;
const trees: TreeUnderTest[] = [];
const fixture = useCluster('metrics cluster tests', {
  prepare: async (c) => {
    await createPodNamespace(c, NS);
    await c.kubectl.apply([podManifest()]);
  },
  cleanup: async (c) => {
    for (const t of trees) t.dispose();
    if (c && deletedApiService) await restoreApiService(c);
    await c?.kubectl.run(['delete', 'namespace', NS, '--wait=false']);
  },
});

/** CPU in millicores and memory in MiB, as kubectl top prints them. */
interface Figures { cpu: number; mem: number }

/** `kubectl top pod` (pod sums) and `--containers`, read at the same moment; undefined until metrics-server has the pod. */
async function kubectlTop(c: Cluster): Promise<{ pod: Figures; containers: Record<string, Figures> } | undefined> {
  const [pods, containers] = await Promise.all([
    c.kubectl.run(['top', 'pod', POD, '-n', NS, '--no-headers']),
    c.kubectl.run(['top', 'pod', POD, '-n', NS, '--containers', '--no-headers']),
  ]);
  if (pods.code !== 0 || containers.code !== 0) return undefined;
  const figures = (cpu: string, mem: string): Figures => ({ cpu: Number(cpu.replace(/m$/, '')), mem: Number(mem.replace(/Mi$/, '')) });
  const [, cpu, mem] = pods.stdout.trim().split(/\s+/);
  const rows = containers.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/));
  if (rows.length !== 2) return undefined;
  return { pod: figures(cpu, mem), containers: Object.fromEntries(rows.map(([, name, c, m]) => [name, figures(c, m)])) };
}

/** The "cpu 12m (24% req, 6% lim) · mem 30Mi (47% req, 23% lim)" part of a row or tooltip, read back. */
function readUsage(text: string): Figures & { shares: string[] } {
  const m = /cpu (\d+)m(?: \(([^)]*)\))? · mem (\d+)Mi(?: \(([^)]*)\))?/.exec(text);
  assert.ok(m, `usage in "${text}"`);
  return { cpu: Number(m[1]), mem: Number(m[3]), shares: [m[2] ?? '', m[4] ?? ''] };
}

function between(ours: number, a: number, b: number, what: string): void {
  assert.ok(ours >= Math.min(a, b) && ours <= Math.max(a, b), `${what}: Podscope ${ours}, kubectl ${a} before and ${b} after`);
}

const pct = (used: number, of: number) => Math.round((used / of) * 100);

/** The tree over NS with its pod shown and expanded, and a visible view's poller feeding it (rounds run on poll()). */
async function openMetricsTree(kubeconfig: string) {
  const ui = openTree(kubeconfig, { namespace: NS });
  trees.push(ui);
  const said: (string | undefined)[] = [];
  const unavailable = new Map<string, string>();
  const poller = new MetricsPoller(() => ui.model.metricsScopes(), {
    metrics: (context, snapshot) => ui.model.setMetrics(context, snapshot),
    availability: (context, reason) => {
      said.push(reason);
      if (reason === undefined) unavailable.delete(context);
      else unavailable.set(context, reason);
    },
  });
  // Rounds run when the test says (poll()); the interval only has to outlast the test.
  poller.setInterval(3_600_000);
  trees.push({ ...ui, dispose: () => poller.dispose() });
  const pod = await shownPod(ui);
  poller.setVisible(true);
  return { ui, poller, pod, said, message: () => unavailableMessage(unavailable) };
}

async function shownPod(ui: TreeUnderTest): Promise<PodNode> {
  const context = ui.connection.activeContext()!;
  const [ctx] = ui.model.children();
  return until('the pod in the tree', () => {
    for (const ns of ui.model.children(ctx)) if (ns.nodeType === 'namespace') ui.model.children(ns);
    const pod = ui.model.findPod(context, NS, POD);
    if (pod) ui.model.children(pod);
    return pod;
  });
}

test('pod and container figures equal kubectl top at the same moment; shares of request and limit are right', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  // metrics-server needs two scrapes of a new pod (15 s apart) before it serves it.
  await until('kubectl top to show the pod', () => kubectlTop(c), { timeoutMs: 120_000, intervalMs: 1_000 });
  const { ui, poller, pod, said } = await openMetricsTree(c.kubeconfig);

  const before = (await kubectlTop(c))!;
  await poller.poll();
  const now = Date.now();
  const podRow = readUsage(presentNode(pod, ui.model, now).description!);
  const rows = Object.fromEntries(pod.containers.map((n) => [n.container, readUsage(presentNode(n, ui.model, now).description!)]));
  const tooltip = readUsage(tooltipOf(pod, now)!.split('**Usage** — ')[1] ?? '');
  const after = (await kubectlTop(c))!;

  assert.deepEqual(said, [], 'metrics available: nothing said');
  between(podRow.cpu, before.pod.cpu, after.pod.cpu, 'pod cpu');
  between(podRow.mem, before.pod.mem, after.pod.mem, 'pod memory');
  assert.deepEqual([tooltip.cpu, tooltip.mem], [podRow.cpu, podRow.mem], 'the tooltip shows the row\'s figures');
  assert.deepEqual(Object.keys(rows).sort(), Object.keys(before.containers).sort());
  for (const [name, row] of Object.entries(rows)) {
    between(row.cpu, before.containers[name].cpu, after.containers[name].cpu, `${name} cpu`);
    between(row.mem, before.containers[name].mem, after.containers[name].mem, `${name} memory`);
  }
  assert.ok(podRow.cpu > 0 && rows.app.cpu !== rows.sidecar.cpu, `simulated usage differs per container: ${JSON.stringify(rows)}`);

  const { app, sidecar } = SPEC;
  assert.deepEqual(rows.app.shares, [
    `${pct(rows.app.cpu, app.cpu.req)}% req, ${pct(rows.app.cpu, app.cpu.lim)}% lim`,
    `${pct(rows.app.mem, app.mem.req)}% req, ${pct(rows.app.mem, app.mem.lim)}% lim`,
  ]);
  assert.deepEqual(rows.sidecar.shares, [`${pct(rows.sidecar.cpu, sidecar.cpu.req)}% req`, `${pct(rows.sidecar.mem, sidecar.mem.req)}% req`]);
  // The pod: its containers' summed requests; no limit, since the sidecar sets none.
  assert.deepEqual(tooltip.shares, [
    `${pct(podRow.cpu, app.cpu.req + sidecar.cpu.req)}% req`,
    `${pct(podRow.mem, app.mem.req + sidecar.mem.req)}% req`,
  ]);
});

test('a user RBAC refuses metrics to: one quiet "metrics unavailable", however many rounds, and no figures', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { ui, poller, pod, said, message } = await openMetricsTree(c.restrictedKubeconfig);
  for (let i = 0; i < 3; i++) await poller.poll();
  assert.deepEqual(said, ['not allowed to read pod metrics (metrics.k8s.io)']);
  assert.equal(message(), `Metrics unavailable in "${ui.connection.activeContext()}": not allowed to read pod metrics (metrics.k8s.io)`);
  assert.doesNotMatch(presentNode(pod, ui.model, Date.now()).description!, /cpu/);
});

test('a cluster without the metrics API (APIService removed): said once; figures return with the API', async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { ui, poller, pod, said, message } = await openMetricsTree(c.kubeconfig);
  await poller.poll();
  assert.match(presentNode(pod, ui.model, Date.now()).description!, /cpu \d+m/);

  deletedApiService = await c.kubectl.json<object>(['get', 'apiservice', APISERVICE]);
  await c.kubectl.ok(['delete', 'apiservice', APISERVICE]);
  // The aggregator drops the group within moments; from then on every list is a 404.
  await until('the metrics API to be gone', async () => { await poller.poll(); return said.length > 0; }, { timeoutMs: 30_000, intervalMs: 200 });
  for (let i = 0; i < 3; i++) await poller.poll();
  assert.deepEqual(said, ['the metrics API (metrics.k8s.io) is not installed']);
  assert.match(message()!, /^Metrics unavailable in ".+": the metrics API \(metrics\.k8s\.io\) is not installed$/);
  assert.doesNotMatch(presentNode(pod, ui.model, Date.now()).description!, /cpu/, 'figures taken back');

  await restoreApiService(c);
  await until('metrics back in the tree', async () => {
    await poller.poll();
    return /cpu \d+m/.test(presentNode(pod, ui.model, Date.now()).description!);
  }, { timeoutMs: 60_000, intervalMs: 500 });
  assert.deepEqual(said, ['the metrics API (metrics.k8s.io) is not installed', undefined]);
  assert.equal(message(), undefined);
});

test('nothing of metrics-server is downloaded: kwokctl runs our binary and reads its manifests from this repository', (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const layout = clusterLayout();
  const binDir = readState(layout)!.binDir;
  assert.equal(readlinkSync(join(layout.clusterDir, 'bin', 'metrics-server')), join(binDir, 'metrics-server'));
  const config = parseAllDocuments(readFileSync(layout.kwokConfig, 'utf8')).map((d) => d.toJS() as { kind: string; options?: Record<string, unknown> });
  const options = config.find((d) => d.kind === 'KwokctlConfiguration')!.options!;
  assert.deepEqual(options.enable, ['metrics-server']);
  for (const source of [options.metricsServerBinary, ...(options.metricsServerManifests as string[])]) {
    assert.match(String(source), /^\//, `${String(source)} is a local path, not a URL`);
  }
});

async function restoreApiService(c: Cluster): Promise<void> {
  const saved = deletedApiService as { metadata: Record<string, unknown>; status?: unknown };
  const { name, labels, annotations } = saved.metadata;
  await c.kubectl.apply([{ ...saved, metadata: { name, labels, annotations }, status: undefined }]);
  deletedApiService = undefined;
  await until('the metrics API to be served again', async () => (await c.kubectl.run(['top', 'pod', '-n', NS])).code === 0, { timeoutMs: 60_000, intervalMs: 500 });
}
