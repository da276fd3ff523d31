// The informer's copy of the objects (pods, events) in one watched scope, keyed by namespace/name. Every change goes
// through here so the listener hears each object added once, removed once, and updated only when its resourceVersion
// moved.
import type { V1ObjectMeta, V1Pod } from '@kubernetes/client-node';

/** What the informer needs of an object: its metadata (namespace, name, uid, resourceVersion). */
export interface KubeObject {
  metadata?: V1ObjectMeta;
}

export interface ChangeListener<T extends KubeObject> {
  onAdd(obj: T): void;
  onUpdate(obj: T, previous: T): void;
  onDelete(obj: T): void;
}

export type PodChangeListener = ChangeListener<V1Pod>;

export function objectKey(obj: KubeObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

export class InformerStore<T extends KubeObject = V1Pod> {
  private readonly pods = new Map<string, T>();

  constructor(private readonly listener: ChangeListener<T>) {}

  get size(): number {
    return this.pods.size;
  }

  get(key: string): T | undefined {
    return this.pods.get(key);
  }

  values(): IterableIterator<T> {
    return this.pods.values();
  }

  /** ADDED and MODIFIED are the same to us: a replayed ADDED after a reconnect must not duplicate the pod. */
  upsert(pod: T): void {
    const key = objectKey(pod);
    const previous = this.pods.get(key);
    if (previous && sameVersion(previous, pod)) return;
    this.pods.set(key, pod);
    if (previous) this.listener.onUpdate(pod, previous);
    else this.listener.onAdd(pod);
  }

  delete(pod: T): void {
    const key = objectKey(pod);
    const previous = this.pods.get(key);
    if (!previous) return;
    this.pods.delete(key);
    this.listener.onDelete(previous);
  }

  /**
   * Makes the store equal a fresh list: pods missing from it are deleted (no ghosts from a gap in the watch), the rest
   * upserted. O(n) in the two sizes.
   */
  replace(items: T[]): void {
    const seen = new Set<string>();
    for (const pod of items) seen.add(objectKey(pod));
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

function sameVersion(a: KubeObject, b: KubeObject): boolean {
  const va = a.metadata?.resourceVersion;
  return va !== undefined && va === b.metadata?.resourceVersion && a.metadata?.uid === b.metadata?.uid;
}
