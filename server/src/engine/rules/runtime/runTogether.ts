// Which containers of a pod are alive at the same time. The kubelet starts init containers one by
// one in order; a regular one must exit before the next starts, while a native sidecar
// (restartPolicy: Always) keeps running once started. App containers start after all of them, and
// ephemeral containers are added to a running pod.
import type { ContainerRef } from '../../podModel';

export function runTogether(a: ContainerRef, b: ContainerRef): boolean {
  if (a === b) return true;
  const aInit = a.group === 'initContainers';
  const bInit = b.group === 'initContainers';
  if (aInit && bInit) return (a.index < b.index ? a : b).isSidecar;
  if (aInit) return a.isSidecar;
  if (bInit) return b.isSidecar;
  return true;
}

/** `container "app"`, `init container "setup"`, `sidecar container "proxy"`, as a user reads them. */
export function describeContainer(c: ContainerRef): string {
  const name = JSON.stringify(c.name ?? `#${c.index}`);
  if (c.group === 'initContainers') return c.isSidecar ? `sidecar container ${name}` : `init container ${name}`;
  if (c.group === 'ephemeralContainers') return `ephemeral container ${name}`;
  return `container ${name}`;
}

/** Why two containers that do not run together never overlap, for messages. */
export function whyApart(a: ContainerRef, b: ContainerRef): string {
  const [first, second] = order(a, b);
  return `${describeContainer(first)} runs to completion before ${describeContainer(second)} starts`;
}

function order(a: ContainerRef, b: ContainerRef): [ContainerRef, ContainerRef] {
  const rank = (c: ContainerRef) => (c.group === 'initContainers' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? [a, b] : [b, a];
  return a.index <= b.index ? [a, b] : [b, a];
}
