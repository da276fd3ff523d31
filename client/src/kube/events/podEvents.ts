// The events of one watched scope, indexed by the pod they are about, so a pod row can show its warnings and the Events
// view can list them newest first. The events are core/v1 Events: `kubectl get events` asks for `events`, which
// kubectl's REST mapper resolves to the legacy core group before events.k8s.io, and `kubectl describe pod` reads
// core/v1 too; comparing with either means reading what they read. (events.k8s.io/v1 serves the same objects under
// other field names — regarding/note/deprecatedCount — so nothing is lost.)
import type { CoreV1Event } from '@kubernetes/client-node';
import { objectKey } from '../cluster/informerStore';
import { humanDuration, toMs } from '../pod/podStatus';

/** When the event was last seen: lastTimestamp, else the series' or the event's own time, else when it was created. */
export function lastSeenMs(e: CoreV1Event): number | undefined {
  return toMs(e.lastTimestamp) ?? toMs(e.series?.lastObservedTime) ?? toMs(e.eventTime) ?? toMs(e.metadata?.creationTimestamp);
}

/** kubectl's LAST SEEN, as "5m ago". */
export function lastSeenColumn(e: CoreV1Event, nowMs: number): string {
  const ms = lastSeenMs(e);
  return ms === undefined ? '<unknown>' : `${humanDuration(Math.max(0, nowMs - ms))} ago`;
}

/** How often it happened, as kubectl's COUNT column (a series counts its own). */
export function countOf(e: CoreV1Event): number {
  return e.series?.count ?? e.count ?? 1;
}

export function isWarning(e: CoreV1Event): boolean {
  return e.type === 'Warning';
}

/** Newest first; ties by name so the order is stable. */
export function newestFirst(a: CoreV1Event, b: CoreV1Event): number {
  return (lastSeenMs(b) ?? 0) - (lastSeenMs(a) ?? 0) || objectKey(a).localeCompare(objectKey(b));
}

/** "namespace/pod" of a pod's events (the key the tree finds the pod by). */
export function involvedPodKey(e: CoreV1Event): string | undefined {
  const o = e.involvedObject;
  return o?.kind === 'Pod' && o.name ? `${o.namespace ?? e.metadata?.namespace ?? ''}/${o.name}` : undefined;
}

export class PodEvents {
  private readonly byPod = new Map<string, Map<string, CoreV1Event>>();
  private readonly all = new Map<string, CoreV1Event>();

  get size(): number {
    return this.all.size;
  }

  /** Adds or replaces an event; returns the key of the pod it is about, if any. */
  upsert(e: CoreV1Event): string | undefined {
    const key = objectKey(e);
    const previous = this.all.get(key);
    const before = previous && involvedPodKey(previous);
    const pod = involvedPodKey(e);
    if (before && before !== pod) this.byPod.get(before)?.delete(key);
    this.all.set(key, e);
    if (pod) {
      let events = this.byPod.get(pod);
      if (!events) this.byPod.set(pod, (events = new Map()));
      events.set(key, e);
    }
    return pod;
  }

  delete(e: CoreV1Event): string | undefined {
    const key = objectKey(e);
    this.all.delete(key);
    const pod = involvedPodKey(e);
    const events = pod ? this.byPod.get(pod) : undefined;
    events?.delete(key);
    if (pod && events?.size === 0) this.byPod.delete(pod);
    return pod;
  }

  /**
   * The Warning events of a pod, newest first. Events that name another uid belong to an earlier pod of the same name
   * (`kubectl describe` leaves them out too).
   */
  warningsOf(namespace: string, name: string, uid: string | undefined): CoreV1Event[] {
    return this.eventsOf(namespace, name, uid).filter(isWarning);
  }

  /** Every event of a pod (Normal and Warning), newest first; events of an earlier pod of the same name left out. */
  eventsOf(namespace: string, name: string, uid: string | undefined): CoreV1Event[] {
    const events = this.byPod.get(`${namespace}/${name}`);
    if (!events) return [];
    return [...events.values()]
      .filter((e) => !uid || !e.involvedObject.uid || e.involvedObject.uid === uid)
      .sort(newestFirst);
  }

  /** Every event of the scope, newest first, at most `limit`. */
  newest(limit: number): CoreV1Event[] {
    return [...this.all.values()].sort(newestFirst).slice(0, limit);
  }
}
