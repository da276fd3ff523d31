// The events half of the fake API server: core/v1 events with resourceVersions and a history a watch replays from, so
// the tree's events informer and the Events view are tested like the pod informer is.
import type { CoreV1Event, CoreV1EventList } from '@kubernetes/client-node';
import type { ListPodsOptions, WatchHandle, WatchHandlers, WatchPodsOptions } from '../../../../client/src/kube/cluster/clusterApi';

interface EventWatch {
  namespace: string | undefined;
  handlers: WatchHandlers<CoreV1Event>;
  open: boolean;
}

export interface EventFields {
  reason: string;
  message?: string;
  type?: 'Normal' | 'Warning';
  count?: number;
  /** ISO time; default now. */
  lastTimestamp?: string;
  /** The pod's uid, when the event should name it. */
  uid?: string;
}

export class FakeEvents {
  readonly events = new Map<string, CoreV1Event>();
  private rv = 5000;
  private history: { rv: number; type: 'ADDED' | 'MODIFIED' | 'DELETED'; event: CoreV1Event }[] = [];
  private readonly watches: EventWatch[] = [];
  /** Errors the next list calls reject with, in order (e.g. a user forbidden to list events). */
  readonly listFailures: unknown[] = [];

  /** An event about pod `namespace/pod` (named `<pod>.<reason>` unless `name` is given); records ADDED or MODIFIED. */
  emit(namespace: string, pod: string, f: EventFields, name = `${pod}.${f.reason.toLowerCase()}`): CoreV1Event {
    const at = new Date(f.lastTimestamp ?? Date.now());
    const event: CoreV1Event = {
      metadata: { namespace, name, uid: `event-${namespace}-${name}` },
      involvedObject: { kind: 'Pod', namespace, name: pod, uid: f.uid },
      reason: f.reason,
      message: f.message ?? '',
      type: f.type ?? 'Normal',
      count: f.count ?? 1,
      firstTimestamp: at,
      lastTimestamp: at,
    };
    return this.record(this.events.has(`${namespace}/${name}`) ? 'MODIFIED' : 'ADDED', event);
  }

  remove(namespace: string, name: string): void {
    const current = this.events.get(`${namespace}/${name}`);
    if (current) this.record('DELETED', structuredClone(current));
  }

  list(o: ListPodsOptions): Promise<CoreV1EventList> {
    const failure = this.listFailures.shift();
    if (failure !== undefined) return Promise.reject(failure);
    const items = [...this.events.values()].filter((e) => o.namespace === undefined || e.metadata?.namespace === o.namespace);
    return Promise.resolve({ items: items.map((e) => structuredClone(e)), metadata: { resourceVersion: String(this.rv) } });
  }

  watch(o: WatchPodsOptions, handlers: WatchHandlers<CoreV1Event>): WatchHandle {
    const w: EventWatch = { namespace: o.namespace, handlers, open: true };
    this.watches.push(w);
    const from = Number(o.resourceVersion);
    queueMicrotask(() => {
      for (const h of this.history) if (w.open && h.rv > from && inScope(h.event, w)) handlers.onEvent(h.type, structuredClone(h.event));
    });
    return { stop: () => { w.open = false; } };
  }

  private record(type: 'ADDED' | 'MODIFIED' | 'DELETED', event: CoreV1Event): CoreV1Event {
    this.rv++;
    event.metadata!.resourceVersion = String(this.rv);
    const k = `${event.metadata!.namespace}/${event.metadata!.name}`;
    if (type === 'DELETED') this.events.delete(k);
    else this.events.set(k, event);
    this.history.push({ rv: this.rv, type, event: structuredClone(event) });
    for (const w of this.watches) {
      if (!w.open || !inScope(event, w)) continue;
      const copy = structuredClone(event);
      queueMicrotask(() => { if (w.open) w.handlers.onEvent(type, copy); });
    }
    return event;
  }
}

function inScope(e: CoreV1Event, w: EventWatch): boolean {
  return w.namespace === undefined || e.metadata?.namespace === w.namespace;
}
