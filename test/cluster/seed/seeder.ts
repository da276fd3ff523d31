// Puts the seed plan into a running cluster and waits until kubectl shows every expected state.
// Idempotent: apply is declarative, status patches reuse the pod's own timestamps, and a pod that is
// already Terminating is left alone.
import type { ClusterLayout } from '../layout';
import type { Kubectl } from '../kubectl';
import { podTable, type PodRow } from '../podTable';
import { until } from '../../support/until';
import { manualStatus } from './manualStatus';
import { namespaceManifests, nodeManifest, WORKLOAD_LABEL, workloadManifest } from './manifests';
import { NODE_NAME, SEED_LABEL, SEED_NAMESPACES, SEED_WORKLOADS, type SeedWorkload } from './plan';
import { seedLogFiles } from './seedLogs';

interface PodMeta {
  metadata: { name: string; namespace: string; creationTimestamp: string; deletionTimestamp?: string; labels?: Record<string, string> };
}

async function seededPods(k: Kubectl): Promise<PodMeta[]> {
  return (await k.json<{ items: PodMeta[] }>(['get', 'pods', '-A', '-l', `${SEED_LABEL}=true`])).items;
}

const bare = (pods: PodMeta[], w: SeedWorkload) => pods.find((p) => p.metadata.namespace === w.namespace && p.metadata.name === w.name);

async function prepareNodeAndNamespaces(k: Kubectl): Promise<void> {
  await k.apply([nodeManifest(), ...namespaceManifests()]);
  await k.ok(['wait', '--for=condition=Ready', `node/${NODE_NAME}`, '--timeout=60s']);
  // Pod admission rejects pods until the namespace's default ServiceAccount exists.
  for (const ns of SEED_NAMESPACES) await k.ok(['wait', '--for=create', 'serviceaccount/default', '-n', ns, '--timeout=60s']);
}

async function writeManualStatuses(k: Kubectl, pods: PodMeta[]): Promise<void> {
  const manual = SEED_WORKLOADS.filter((w) => w.manualState);
  for (const [i, w] of manual.entries()) {
    const pod = bare(pods, w);
    if (!pod || pod.metadata.deletionTimestamp) continue;
    const status = manualStatus(w.manualState!, w, pod.metadata.creationTimestamp, `10.0.1.${10 + i}`);
    await k.ok(['patch', 'pod', w.name, '-n', w.namespace, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status })]);
  }
}

function mismatches(rows: PodRow[]): string[] {
  const out: string[] = [];
  for (const w of SEED_WORKLOADS) {
    const mine = rows.filter((r) => r.namespace === w.namespace && r.label === w.key);
    if (mine.length !== w.replicas) out.push(`${w.namespace}/${w.name}: ${mine.length} pods, want ${w.replicas}`);
    for (const r of mine) {
      if (r.status !== w.expect.status || r.ready !== w.expect.ready) {
        out.push(`${r.namespace}/${r.name}: ${r.status} ${r.ready}, want ${w.expect.status} ${w.expect.ready}`);
      }
    }
  }
  return out;
}

export async function waitForSeededStates(k: Kubectl, timeoutMs = 90_000): Promise<PodRow[]> {
  let last: string[] = [];
  try {
    return await until(
      'seeded pod states',
      async () => {
        const rows = await podTable(k, { selector: `${SEED_LABEL}=true`, labelColumn: WORKLOAD_LABEL });
        last = mismatches(rows);
        return last.length === 0 ? rows : undefined;
      },
      { timeoutMs, intervalMs: 500 },
    );
  } catch (err) {
    throw new Error(`${String(err)}; still wrong: ${last.join('; ')}`, { cause: err });
  }
}

export async function seedCluster(k: Kubectl, layout: ClusterLayout): Promise<PodRow[]> {
  seedLogFiles(layout);
  await prepareNodeAndNamespaces(k);
  const before = await seededPods(k);
  const workloads = SEED_WORKLOADS.filter((w) => !(w.terminating && bare(before, w)?.metadata.deletionTimestamp));
  await k.apply(workloads.map(workloadManifest));
  await writeManualStatuses(k, await seededPods(k));
  for (const w of workloads.filter((x) => x.terminating)) {
    // The finalizer holds the pod, so it stays Terminating until someone removes podscope.dev/hold.
    await k.ok(['delete', 'pod', w.name, '-n', w.namespace, '--wait=false']);
  }
  return waitForSeededStates(k);
}
