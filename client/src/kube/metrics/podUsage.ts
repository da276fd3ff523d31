// A PodMetrics object as the tree shows it: each container's CPU and memory, and the pod's sum (summed exactly, as
// `kubectl top pod` adds the containers' quantities before rounding).
import type { PodMetric } from '@kubernetes/client-node';
import { add, parseQuantity, ZERO, type Fraction } from './quantity';

export interface Usage {
  cpu: Fraction;
  memory: Fraction;
}

export interface PodUsage {
  total: Usage;
  containers: ReadonlyMap<string, Usage>;
}

/** The usage of every pod of one list, by "namespace/name". */
export type MetricsSnapshot = ReadonlyMap<string, PodUsage>;

export function podKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function podUsage(metric: PodMetric): PodUsage {
  const containers = new Map<string, Usage>();
  let total: Usage = { cpu: ZERO, memory: ZERO };
  for (const c of metric.containers ?? []) {
    const usage = { cpu: parseQuantity(c.usage?.cpu) ?? ZERO, memory: parseQuantity(c.usage?.memory) ?? ZERO };
    containers.set(c.name, usage);
    total = { cpu: add(total.cpu, usage.cpu), memory: add(total.memory, usage.memory) };
  }
  return { total, containers };
}

export function metricsSnapshot(items: readonly PodMetric[]): MetricsSnapshot {
  return new Map(items.map((m) => [podKey(m.metadata.namespace, m.metadata.name), podUsage(m)]));
}
