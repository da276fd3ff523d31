// Renders the seed plan into the Kubernetes objects `kubectl apply` receives.
import {
  CRASHLOOP_LABEL,
  HOLD_FINALIZER,
  MANUAL_STATUS_LABEL,
  NODE_NAME,
  SEED_LABEL,
  SEED_NAMESPACES,
  type SeedContainer,
  type SeedWorkload,
} from './plan';

export const WORKLOAD_LABEL = 'podscope.dev/workload';

type Obj = Record<string, unknown>;

export function nodeManifest(): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    // kwok's own convention for fake nodes (kwokctl runs kwok with --manage-all-nodes anyway), and where metrics-server
    // finds this node's kubelet /metrics/resource: kwok serves it per node at this path (test/cluster/kwok/metrics).
    metadata: {
      name: NODE_NAME,
      annotations: { 'kwok.x-k8s.io/node': 'fake', 'metrics.k8s.io/resource-metrics-path': `/metrics/nodes/${NODE_NAME}/metrics/resource` },
      labels: { type: 'kwok', [SEED_LABEL]: 'true' },
    },
  };
}

export function namespaceManifests(): Obj[] {
  return SEED_NAMESPACES.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [SEED_LABEL]: 'true' } } }));
}

function container(c: SeedContainer): Obj {
  return { name: c.name, image: c.image, ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}) };
}

function podLabels(w: SeedWorkload): Record<string, string> {
  return {
    [SEED_LABEL]: 'true',
    [WORKLOAD_LABEL]: w.key,
    ...(w.manualState ? { [MANUAL_STATUS_LABEL]: 'true' } : {}),
    ...(w.crashLoop ? { [CRASHLOOP_LABEL]: 'true' } : {}),
  };
}

function podSpec(w: SeedWorkload): Obj {
  return {
    ...(w.initContainers ? { initContainers: w.initContainers.map(container) } : {}),
    containers: w.containers.map(container),
    ...(w.restartPolicy ? { restartPolicy: w.restartPolicy } : {}),
    ...(w.nodeSelector ? { nodeSelector: w.nodeSelector } : {}),
    // Pods whose status the seeder writes are bound directly: their state must not depend on timing.
    ...(w.manualState ? { nodeName: NODE_NAME } : {}),
    terminationGracePeriodSeconds: 30,
  };
}

export function workloadManifest(w: SeedWorkload): Obj {
  const meta = { name: w.name, namespace: w.namespace, labels: { [SEED_LABEL]: 'true' } };
  const template = { metadata: { labels: podLabels(w) }, spec: podSpec(w) };
  switch (w.kind) {
    case 'Pod':
      return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { ...meta, labels: podLabels(w), ...(w.terminating ? { finalizers: [HOLD_FINALIZER] } : {}) },
        spec: podSpec(w),
      };
    case 'Deployment':
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta,
        spec: { replicas: w.replicas, selector: { matchLabels: { [WORKLOAD_LABEL]: w.key } }, template },
      };
    case 'Job':
      return { apiVersion: 'batch/v1', kind: 'Job', metadata: meta, spec: { backoffLimit: 0, template } };
  }
}
