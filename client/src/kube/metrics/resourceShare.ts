// What a usage is a share of: the container's (or the pod's) request and limit for CPU and memory. A pod's request is
// its pod-level `spec.resources` when set, else the sum over the containers metrics-server reports, and only when each
// of them sets one (a pod-wide share of a partial sum would overstate it, which is why kubectl's describe leaves it out).
import type { V1Container, V1Pod, V1ResourceRequirements } from '@kubernetes/client-node';
import { add, parseQuantity, ZERO, type Fraction } from './quantity';

export type ResourceName = 'cpu' | 'memory';

export interface Bounds {
  request?: Fraction;
  limit?: Fraction;
}

/** Every container that can run alongside the app: app containers and restartable (sidecar) init containers. */
function runningSpecs(pod: V1Pod): V1Container[] {
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return [...sidecars, ...(pod.spec?.containers ?? [])];
}

function bound(resources: V1ResourceRequirements | undefined, kind: 'requests' | 'limits', r: ResourceName): Fraction | undefined {
  const q = parseQuantity(resources?.[kind]?.[r]);
  return q && q.num > 0n ? q : undefined;
}

export function containerBounds(pod: V1Pod, container: string, r: ResourceName): Bounds {
  const spec = runningSpecs(pod).find((c) => c.name === container);
  // A limit without a request defaults the request to the limit (the API server does this on create).
  const limit = bound(spec?.resources, 'limits', r);
  return { request: bound(spec?.resources, 'requests', r) ?? limit, limit };
}

export function podBounds(pod: V1Pod, containers: Iterable<string>, r: ResourceName): Bounds {
  const podLevel = pod.spec?.resources;
  if (podLevel?.requests?.[r] || podLevel?.limits?.[r]) {
    const limit = bound(podLevel, 'limits', r);
    return { request: bound(podLevel, 'requests', r) ?? limit, limit };
  }
  let request: Fraction | undefined = ZERO;
  let limit: Fraction | undefined = ZERO;
  let any = false;
  for (const name of containers) {
    any = true;
    const b = containerBounds(pod, name, r);
    request = request && b.request ? add(request, b.request) : undefined;
    limit = limit && b.limit ? add(limit, b.limit) : undefined;
  }
  return any ? { request, limit } : {};
}
