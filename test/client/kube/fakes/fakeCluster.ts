// An in-memory API server for pods that behaves like the real one where the informer cares: resourceVersions, an
// event history a watch replays from, compaction (watching from a compacted version gets a 410 ERROR), paged lists,
// and fault injection (failed lists, dropped watches). Implements ClusterApi so tree/informer tests use it directly.
import type { CoreV1Event, CoreV1EventList, PodMetric, PodMetricsList, V1NamespaceList, V1Pod, V1PodList, V1Status } from '@kubernetes/client-node';
import type {
  ClusterApi, ListPodsOptions, PodQuery, WatchEventType, WatchHandle, WatchHandlers, WatchPodsOptions,
} from '../../../../client/src/kube/cluster/clusterApi';
import { FakeEvents } from './fakeEvents';

interface HistoryEvent {
  rv: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  pod: V1Pod;
}

interface ActiveWatch {
  query: PodQuery;
  handlers: WatchHandlers;
  open: boolean;
}

export class FakeCluster implements ClusterApi {
  readonly contextName = 'fake';
  readonly pods = new Map<string, V1Pod>();
  /** core/v1 events, with their own versions and watches (pod counters and faults below do not count them). */
  readonly events = new FakeEvents();
  private rv = 100;
  private history: HistoryEvent[] = [];
  private compactedRv = 0;
  private readonly watches: ActiveWatch[] = [];
  /** Errors the next list calls reject with, in order. */
  readonly listFailures: unknown[] = [];
  /** Errors the next watch calls end with at once, in order. */
  readonly watchFailures: unknown[] = [];
  listCalls = 0;
  watchCalls = 0;
  /** When set, a list call never settles (the informer's timeout must handle it). */
  hangLists = false;
  /**
   * How the server answers a streaming list (watchPods with sendInitialEvents): 'off' = the api does not offer it
   * (informers page); 'supported' = every pod as ADDED, the initial-events-end bookmark, then changes (1.34+);
   * 'refused' = HTTP 422 as a server with the WatchList gate off answers; 'ignored' = what a plain watch from version
   * "" sends (every pod as ADDED, no bookmark), as from a server that does not know the parameters.
   */
  watchList: 'off' | 'supported' | 'refused' | 'ignored' = 'off';
  /** A streaming list breaks (connection reset) after this many initial events, once. */
  cutStreamAfter: number | undefined;
  streamCalls = 0;
  /** What metrics.k8s.io serves; `metricsFailure` (e.g. an error with code 404) refuses every list instead. */
  podMetrics: PodMetric[] = [];
  metricsFailure: unknown;
  /** The namespace scope of each PodMetrics list (undefined = all namespaces). */
  readonly metricsCalls: (string | undefined)[] = [];

  readonly timeoutMs = 15_000;
  // What the tree never calls: logs, exec, port-forward and raw requests are tested against their own fake servers.
  readNode(): never { throw new Error('FakeCluster has no nodes'); }
  readPodLog(): never { throw new Error('FakeCluster has no logs'); }
  request(): never { throw new Error('FakeCluster takes no raw requests'); }
  logStreamer(): never { throw new Error('FakeCluster streams no logs'); }
  exec(): never { throw new Error('FakeCluster has no exec'); }
  portForwarder(): never { throw new Error('FakeCluster has no port-forward'); }
  deleteObject(): never { throw new Error('FakeCluster deletes pods only'); }
  attacher(): never { throw new Error('FakeCluster has no attach'); }

  get streamsLists(): boolean {
    return this.watchList !== 'off';
  }

  get openWatches(): number {
    return this.watches.filter((w) => w.open).length;
  }

  // ---- server-side mutations (what kubectl would do) ----

  create(namespace: string, name: string, extra: Partial<V1Pod> = {}): V1Pod {
    const pod: V1Pod = {
      ...extra,
      metadata: { namespace, name, uid: `uid-${namespace}-${name}-${this.rv + 1}`, ...extra.metadata },
      spec: extra.spec ?? { containers: [{ name: 'main', image: 'busybox' }] },
      status: extra.status ?? { phase: 'Pending' },
    };
    return this.record('ADDED', pod);
  }

  update(namespace: string, name: string, change: (pod: V1Pod) => void): V1Pod {
    const current = this.pods.get(`${namespace}/${name}`);
    if (!current) throw new Error(`no pod ${namespace}/${name}`);
    const next = structuredClone(current);
    change(next);
    return this.record('MODIFIED', next);
  }

  remove(namespace: string, name: string): void {
    const current = this.pods.get(`${namespace}/${name}`);
    if (!current) throw new Error(`no pod ${namespace}/${name}`);
    this.record('DELETED', structuredClone(current));
  }

  /** Forget history up to now: a watch from any older version gets 410 Gone. */
  compact(): void {
    this.compactedRv = this.rv;
    this.history = [];
  }

  /** Close every open watch as if the connection dropped (err) or the server timed it out (no err). */
  dropWatches(err: unknown = null): void {
    for (const w of this.watches) {
      if (!w.open) continue;
      w.open = false;
      const done = w.handlers.onDone;
      queueMicrotask(() => done(err));
    }
  }

  /** Send a 410 ERROR event on every open watch, then close it, like the API server does. */
  expireWatches(): void {
    this.errorWatches({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 410, reason: 'Expired', message: 'too old resource version' });
  }

  /** Send an ERROR event with this Status on every open watch, then close it. */
  errorWatches(status: V1Status): void {
    for (const w of this.watches) {
      if (!w.open) continue;
      w.open = false;
      queueMicrotask(() => { w.handlers.onEvent('ERROR', status); w.handlers.onDone(null); });
    }
  }

  // ---- ClusterApi ----

  async listNamespaces(): Promise<V1NamespaceList> {
    const names = [...new Set([...this.pods.values()].map((p) => p.metadata!.namespace!))].sort();
    return { items: names.map((name) => ({ metadata: { name } })) };
  }

  listPods(o: ListPodsOptions): Promise<V1PodList> {
    this.listCalls++;
    const failure = this.listFailures.shift();
    if (failure !== undefined) return Promise.reject(failure);
    if (this.hangLists) return new Promise(() => {});
    const all = [...this.pods.values()].filter((p) => matches(p, o)).sort((a, b) => key(a).localeCompare(key(b)));
    const start = o.continueToken ? Number(o.continueToken) : 0;
    const end = o.limit ? start + o.limit : all.length;
    const items = all.slice(start, end).map((p) => structuredClone(p));
    const more = end < all.length;
    return Promise.resolve({
      items,
      metadata: { resourceVersion: String(this.rv), _continue: more ? String(end) : undefined },
    });
  }

  watchPods(o: WatchPodsOptions, handlers: WatchHandlers): WatchHandle {
    this.watchCalls++;
    const w: ActiveWatch = { query: o, handlers, open: true };
    const failure = this.watchFailures.shift();
    if (failure !== undefined) {
      w.open = false;
      queueMicrotask(() => handlers.onDone(failure));
      return { stop() {} };
    }
    this.watches.push(w);
    if (o.sendInitialEvents) {
      this.streamCalls++;
      this.startStream(w);
      return { stop: () => { w.open = false; } };
    }
    const from = Number(o.resourceVersion);
    queueMicrotask(() => {
      if (!w.open) return;
      if (from < this.compactedRv) {
        w.open = false;
        handlers.onEvent('ERROR', { kind: 'Status', code: 410, reason: 'Expired', message: `too old resource version: ${from} (${this.compactedRv})` });
        handlers.onDone(null);
        return;
      }
      for (const e of this.history) if (e.rv > from && matches(e.pod, o)) handlers.onEvent(e.type, structuredClone(e.pod));
    });
    return { stop: () => { w.open = false; } };
  }

  async readPod(namespace: string, name: string): Promise<V1Pod> {
    const pod = this.pods.get(`${namespace}/${name}`);
    if (!pod) throw Object.assign(new Error('not found'), { code: 404, body: JSON.stringify({ kind: 'Status', code: 404, reason: 'NotFound', message: `pods "${name}" not found` }) });
    return structuredClone(pod);
  }

  async deletePod(namespace: string, name: string): Promise<V1Pod> {
    const pod = await this.readPod(namespace, name);
    this.remove(namespace, name);
    return pod;
  }

  async listPodEvents(): Promise<CoreV1EventList> {
    return { items: [] };
  }

  async listPodMetrics(namespace: string | undefined): Promise<PodMetricsList> {
    this.metricsCalls.push(namespace);
    if (this.metricsFailure !== undefined) throw this.metricsFailure;
    const items = this.podMetrics.filter((m) => namespace === undefined || m.metadata.namespace === namespace);
    return { kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { selfLink: '' }, items: structuredClone(items) };
  }

  listEvents(o: ListPodsOptions): Promise<CoreV1EventList> {
    return this.events.list(o);
  }

  watchEvents(o: WatchPodsOptions, handlers: WatchHandlers<CoreV1Event>): WatchHandle {
    return this.events.watch(o, handlers);
  }

  /** The initial events of a streaming list, as the server's watchPods answers sendInitialEvents. */
  private startStream(w: ActiveWatch): void {
    const { handlers } = w;
    if (this.watchList === 'refused' || this.watchList === 'off') {
      w.open = false;
      // client-node's Watch turns a non-200 answer into an Error carrying the HTTP status.
      queueMicrotask(() => handlers.onDone(Object.assign(new Error('Unprocessable Entity'), { statusCode: 422 })));
      return;
    }
    const snapshot = [...this.pods.values()].filter((p) => matches(p, w.query)).map((p) => structuredClone(p));
    const rv = String(this.rv);
    const cutAfter = this.cutStreamAfter;
    this.cutStreamAfter = undefined;
    queueMicrotask(() => {
      let sent = 0;
      for (const pod of snapshot) {
        if (!w.open) return;
        if (sent++ === cutAfter) {
          w.open = false;
          handlers.onDone(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
          return;
        }
        handlers.onEvent('ADDED', pod);
      }
      if (!w.open || this.watchList === 'ignored') return;
      handlers.onEvent('BOOKMARK', { metadata: { resourceVersion: rv, annotations: { 'k8s.io/initial-events-end': 'true' } } });
    });
  }

  private record(type: HistoryEvent['type'], pod: V1Pod): V1Pod {
    this.rv++;
    pod.metadata!.resourceVersion = String(this.rv);
    const k = key(pod);
    if (type === 'DELETED') this.pods.delete(k);
    else this.pods.set(k, pod);
    const event: HistoryEvent = { rv: this.rv, type, pod: structuredClone(pod) };
    this.history.push(event);
    for (const w of this.watches) {
      if (!w.open || !matches(pod, w.query)) continue;
      const copy = structuredClone(pod);
      queueMicrotask(() => { if (w.open) w.handlers.onEvent(type as WatchEventType, copy); });
    }
    return pod;
  }
}

function key(p: V1Pod): string {
  return `${p.metadata!.namespace}/${p.metadata!.name}`;
}

function matches(p: V1Pod, q: PodQuery): boolean {
  if (q.namespace !== undefined && p.metadata?.namespace !== q.namespace) return false;
  if (q.labelSelector) {
    for (const term of q.labelSelector.split(',')) {
      const [k, v] = term.split('=');
      if (p.metadata?.labels?.[k] !== v) return false;
    }
  }
  return true;
}

/** Lets queued microtasks and promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
