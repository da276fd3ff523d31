// Which file kwok serves for each container's logs (and its attach). The kwok config (kwokConfig.ts) and the tests'
// logFile() both come from here, so what a test appends is what `kubectl logs -f` streams.
//   bare seeded pod      -> a kwok `Logs` object for that pod:          logs/<ns>/<pod>/<container>.log
//   Deployment/Job pods  -> a `ClusterLogs` for the namespace+container: logs/<ns>/<workload>/<container>.log
//   anything else        -> a catch-all `ClusterLogs`:                   logs/any-pod.log
import { join } from 'node:path';
import type { ClusterLayout } from './layout';
import { allContainers, SEED_WORKLOADS, type SeedWorkload } from './seed/plan';

export function workloadLogFile(layout: ClusterLayout, w: SeedWorkload, container: string, previous = false): string {
  return join(layout.logsDir, w.namespace, w.name, `${container}${previous ? '.previous' : ''}.log`);
}

export function fallbackLogFile(layout: ClusterLayout, previous = false): string {
  return join(layout.logsDir, previous ? 'any-pod.previous.log' : 'any-pod.log');
}

/** The seeded workload whose log rule kwok applies to this container, mirroring kwok's lookup order. */
export function routeFor(namespace: string, pod: string, container: string): SeedWorkload | undefined {
  const bare = SEED_WORKLOADS.find((w) => w.kind === 'Pod' && w.namespace === namespace && w.name === pod);
  if (bare) return allContainers(bare).some((c) => c.name === container) ? bare : undefined;
  return SEED_WORKLOADS.find((w) => w.kind !== 'Pod' && w.namespace === namespace && w.containers.some((c) => c.name === container));
}

export function logFileFor(layout: ClusterLayout, namespace: string, pod: string, container: string, previous = false): string {
  const w = routeFor(namespace, pod, container);
  return w ? workloadLogFile(layout, w, container, previous) : fallbackLogFile(layout, previous);
}

type Obj = Record<string, unknown>;

function logEntries(layout: ClusterLayout, w: SeedWorkload): Obj[] {
  return allContainers(w).map((c) => ({
    containers: [c.name],
    logsFile: workloadLogFile(layout, w, c.name),
    previousLogsFile: workloadLogFile(layout, w, c.name, true),
    follow: true,
  }));
}

/** kwok objects, in the order kwok must consult them: per-pod rules, then namespaces, then catch-all. */
export function kwokLogObjects(layout: ClusterLayout): Obj[] {
  const perPod = SEED_WORKLOADS.filter((w) => w.kind === 'Pod').map((w) => ({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Logs',
    metadata: { name: w.name, namespace: w.namespace },
    spec: { logs: logEntries(layout, w) },
  }));
  const perWorkload = SEED_WORKLOADS.filter((w) => w.kind !== 'Pod').map((w) => ({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: `${w.namespace}-${w.name}` },
    spec: { selector: { matchNamespaces: [w.namespace] }, logs: logEntries(layout, w) },
  }));
  const catchAll = {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterLogs',
    metadata: { name: 'any-pod' },
    spec: { logs: [{ logsFile: fallbackLogFile(layout), previousLogsFile: fallbackLogFile(layout, true), follow: true }] },
  };
  return [...perPod, ...perWorkload, catchAll];
}

/**
 * kwok's attach streams a file the way `logs -f` does, from its end: the same routes as the logs, so a line a test
 * appends to a container's log is what an attached terminal receives from its "main process".
 */
export function kwokAttachObjects(layout: ClusterLayout): Obj[] {
  return kwokLogObjects(layout).map((o) => {
    const spec = o.spec as { selector?: Obj; logs: { containers?: string[]; logsFile: string }[] };
    return {
      apiVersion: o.apiVersion,
      kind: o.kind === 'Logs' ? 'Attach' : 'ClusterAttach',
      metadata: o.metadata,
      spec: {
        ...(spec.selector ? { selector: spec.selector } : {}),
        attaches: spec.logs.map((l) => ({ ...(l.containers ? { containers: l.containers } : {}), logsFile: l.logsFile })),
      },
    };
  });
}

/** Every file kwok may open; all must exist, or `kubectl logs` fails with "failed to open log file". */
export function allLogFiles(layout: ClusterLayout): { file: string; workload?: SeedWorkload; container?: string; previous: boolean }[] {
  const out: { file: string; workload?: SeedWorkload; container?: string; previous: boolean }[] = [];
  for (const w of SEED_WORKLOADS) {
    for (const c of allContainers(w)) {
      for (const previous of [false, true]) out.push({ file: workloadLogFile(layout, w, c.name, previous), workload: w, container: c.name, previous });
    }
  }
  out.push({ file: fallbackLogFile(layout), previous: false }, { file: fallbackLogFile(layout, true), previous: true });
  return out;
}
