// The informer's copy of the pods in one watched scope, keyed by namespace/name. Every change goes through here so
// the listener hears each pod added once, removed once, and updated only when its resourceVersion moved.
import type { V1Pod } from '@kubernetes/client-node';

export interface PodChangeListener {
  onAdd(pod: V1Pod): void;
  onUpdate(pod: V1Pod, previous: V1Pod): void;
  onDelete(pod: V1Pod): void;
}

export function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

export class InformerStore {
  private readonly pods = new Map<string, V1Pod>();

  constructor(private readonly listener: PodChangeListener) {}

  get size(): number {
    return this.pods.size;
  }

  get(key: string): V1Pod | undefined {
    return this.pods.get(key);
  }

  values(): IterableIterator<V1Pod> {
    return this.pods.values();
  }

  /** ADDED and MODIFIED are the same to us: a replayed ADDED after a reconnect must not duplicate the pod. */
  upsert(pod: V1Pod): void {
    const key = podKey(pod);
    const previous = this.pods.get(key);
    if (previous && sameVersion(previous, pod)) return;
    this.pods.set(key, pod);
    if (previous) this.listener.onUpdate(pod, previous);
    else this.listener.onAdd(pod);
  }

  delete(pod: V1Pod): void {
    const key = podKey(pod);
    const previous = this.pods.get(key);
    if (!previous) return;
    this.pods.delete(key);
    this.listener.onDelete(previous);
  }

  /**
   * Makes the store equal a fresh list: pods missing from it are deleted (no ghosts from a gap in the watch), the rest
   * upserted. O(n) in the two sizes.
   */
  replace(items: V1Pod[]): void {
    const seen = new Set<string>();
    for (const pod of items) seen.add(podKey(pod));
    for (const [key, pod] of [...this.pods]) {
      if (!seen.has(key)) {
        this.pods.delete(key);
        this.listener.onDelete(pod);
      }
    }
    for (const pod of items) this.upsert(pod);
  }

  clear(): void {
    for (const pod of [...this.pods.values()]) this.delete(pod);
  }
}

function sameVersion(a: V1Pod, b: V1Pod): boolean {
  const va = a.metadata?.resourceVersion;
  return va !== undefined && va === b.metadata?.resourceVersion && a.metadata?.uid === b.metadata?.uid;
}
