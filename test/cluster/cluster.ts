// The local cluster as tests see it: ensureCluster() starts it (or borrows the running one), seeds
// it, and says where everything is. A test that started it stops it on release(), once no other
// test process still holds it; a cluster started by `npm run cluster:up` is never stopped by tests.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendCriLog, type LogStream } from './criLog';
import { kubectlFor, type Kubectl } from './kubectl';
import { clusterLayout, type ClusterLayout } from './layout';
import { clusterDown, clusterStatus, clusterUp, readState } from './lifecycle';
import { isAlive, withLock } from './lock';
import { logFileFor } from './logRoutes';
import { RESTRICTED_USER } from './restrictedUser';
import { WORKLOAD_LABEL } from './seed/manifests';
import { allContainers, SEED_NAMESPACES, SEED_WORKLOADS, type SeedWorkload } from './seed/plan';

export { ClusterUnavailableError } from './clusterUnavailable';

export interface SeededPod {
  /** The plan's key, e.g. 'crashloop' (a Deployment's replicas share one key). */
  key: string;
  namespace: string;
  name: string;
  /** Init containers (sidecars included) first, then app containers. */
  containers: string[];
  /** kubectl's STATUS and READY columns for this pod. */
  expect: { status: string; ready: string };
  workload: SeedWorkload;
}

export interface Cluster {
  kubeconfig: string;
  restrictedKubeconfig: string;
  restrictedUser: string;
  server: string;
  /** kubectl of the cluster's own version, bound to the admin kubeconfig. */
  kubectl: Kubectl;
  /** Same, as the restricted user. */
  restrictedKubectl: Kubectl;
  namespaces: readonly string[];
  pods: SeededPod[];
  /** True when this call created the cluster (release() will then stop it). */
  startedHere: boolean;
  pod(key: string): SeededPod;
  /** The file kwok serves as this container's log (or its --previous log). */
  logFile(namespace: string, pod: string, container: string, opts?: { previous?: boolean }): string;
  /** Appends CRI-format lines, which a following `logs -f` then streams. */
  appendLog(namespace: string, pod: string, container: string, text: string, opts?: { stream?: LogStream; previous?: boolean }): void;
  release(): Promise<void>;
}

const log = (line: string) => process.stderr.write(`[cluster] ${line}\n`);

function takeLease(layout: ClusterLayout): string {
  mkdirSync(layout.leasesDir, { recursive: true });
  const lease = join(layout.leasesDir, String(process.pid));
  writeFileSync(lease, new Date().toISOString());
  return lease;
}

function otherLiveLeases(layout: ClusterLayout): number {
  try {
    return readdirSync(layout.leasesDir).filter((f) => Number(f) !== process.pid && isAlive(Number(f))).length;
  } catch {
    return 0;
  }
}

async function resolvePods(k: Kubectl): Promise<SeededPod[]> {
  const list = await k.json<{ items: { metadata: { name: string; namespace: string; labels?: Record<string, string> } }[] }>([
    'get', 'pods', '-A', '-l', WORKLOAD_LABEL,
  ]);
  const out: SeededPod[] = [];
  for (const w of SEED_WORKLOADS) {
    for (const p of list.items.filter((i) => i.metadata.namespace === w.namespace && i.metadata.labels?.[WORKLOAD_LABEL] === w.key)) {
      out.push({ key: w.key, namespace: w.namespace, name: p.metadata.name, containers: allContainers(w).map((c) => c.name), expect: w.expect, workload: w });
    }
  }
  return out;
}

export async function ensureCluster(): Promise<Cluster> {
  const layout = clusterLayout();
  const { up, lease } = await withLock(layout.lockDir, async () => {
    const wasRunning = (await clusterStatus(layout)).running;
    try {
      return { up: await clusterUp(layout, 'test', log), lease: takeLease(layout) };
    } catch (err) {
      // A cluster this call created but could not finish (e.g. seeding timed out) must not outlive the test. One that
      // failed before its state file was written (API server not ready in time) has no state yet, and is ours too.
      if (!wasRunning && (readState(layout)?.startedBy ?? 'test') === 'test' && otherLiveLeases(layout) === 0) await clusterDown(layout, log);
      throw err;
    }
  });
  const { state } = up;
  const kubectl = kubectlFor(state.binDir, state.kubeconfig);
  const pods = await resolvePods(kubectl);
  let released = false;
  return {
    kubeconfig: state.kubeconfig,
    restrictedKubeconfig: state.restrictedKubeconfig,
    restrictedUser: RESTRICTED_USER,
    server: state.server,
    kubectl,
    restrictedKubectl: kubectlFor(state.binDir, state.restrictedKubeconfig),
    namespaces: SEED_NAMESPACES,
    pods,
    startedHere: up.created,
    pod(key) {
      const p = pods.find((x) => x.key === key);
      if (!p) throw new Error(`no seeded pod "${key}"; known: ${[...new Set(pods.map((x) => x.key))].join(', ')}`);
      return p;
    },
    logFile: (ns, pod, container, opts = {}) => logFileFor(layout, ns, pod, container, opts.previous),
    appendLog(ns, pod, container, text, opts = {}) {
      appendCriLog(logFileFor(layout, ns, pod, container, opts.previous), text, opts.stream);
    },
    async release() {
      if (released) return;
      released = true;
      await withLock(layout.lockDir, async () => {
        rmSync(lease, { force: true });
        if (process.env.PODSCOPE_KEEP_CLUSTER) return;
        if (readState(layout)?.startedBy === 'test' && otherLiveLeases(layout) === 0) {
          log('stopping the cluster this test run started');
          await clusterDown(layout, log);
        }
      });
    },
  };
}
