// List + watch of the objects in one scope (pods or events of a namespace or all, optionally a label selector), kept
// converged with the server: a dropped watch resumes from the last resourceVersion; a 410 Gone (that version was
// compacted) re-lists and diffs, so no object is missed, duplicated or left behind as a ghost.
import type { CoreV1Event, V1ListMeta, V1Pod, V1Status } from '@kubernetes/client-node';
import type { ClusterApi, PodQuery, WatchEventType, WatchHandle, WatchHandlers } from './clusterApi';
import { describeConnectionError, type ConnectionProblem } from './connectionError';
import { InformerStore, objectKey, type ChangeListener, type KubeObject } from './informerStore';

export type InformerState =
  | { kind: 'listing'; loaded: number }
  | { kind: 'synced' }
  /** The initial list failed: nothing to show but the reason. Retried after `retryInMs`. */
  | { kind: 'error'; problem: ConnectionProblem; retryInMs: number }
  /** The watch broke after a successful list: the pods shown may be stale until it reconnects. */
  | { kind: 'reconnecting'; problem: ConnectionProblem; retryInMs: number }
  | { kind: 'stopped' };

export interface InformerListener<T extends KubeObject = V1Pod> extends ChangeListener<T> {
  onState(state: InformerState): void;
}

/** The list and watch calls of one resource in one scope. */
export interface ListWatch<T> {
  list(page: { limit: number; continueToken?: string; timeoutMs?: number }): Promise<{ items: T[]; metadata?: V1ListMeta }>;
  watch(resourceVersion: string, handlers: WatchHandlers<T>): WatchHandle;
  /** A streaming list (WatchList) that goes on as the watch, where the api offers one. */
  stream?(handlers: WatchHandlers<T>): WatchHandle;
}

export function podListWatch(api: ClusterApi, query: PodQuery): ListWatch<V1Pod> {
  return {
    list: (page) => api.listPods({ ...query, ...page }),
    watch: (resourceVersion, handlers) => api.watchPods({ ...query, resourceVersion }, handlers),
    stream: api.streamsLists ? (handlers) => api.watchPods({ ...query, resourceVersion: '', sendInitialEvents: true }, handlers) : undefined,
  };
}

/** core/v1 events, the version `kubectl get events` and `kubectl describe` read (see eventIndex.ts). */
export function eventListWatch(api: ClusterApi, query: PodQuery): ListWatch<CoreV1Event> {
  return {
    list: (page) => api.listEvents({ ...query, ...page }),
    watch: (resourceVersion, handlers) => api.watchEvents({ ...query, resourceVersion }, handlers),
  };
}

export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const systemClock: Clock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface InformerOptions {
  /** Page size of the initial list, like kubectl's --chunk-size. */
  pageSize?: number;
  listTimeoutMs?: number;
  clock?: Clock;
}

const DEFAULT_PAGE_SIZE = 500;
const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
/** A watch that ends sooner than this without delivering anything counts as a failure (avoids a hot reconnect loop). */
const QUICK_CLOSE_MS = 1_000;
/**
 * A streaming list that sent objects, then nothing for this long, and no closing bookmark comes from a server that
 * ignored sendInitialEvents (it sends what a plain watch from version "" sends: every object, and no end marker). A
 * server that streams sends that bookmark right after its last object, even for an empty scope. (client-go has no
 * such check: its reflector would wait for the bookmark until the watch times out.)
 */
export const STREAM_QUIET_MS = 10_000;
/** The annotation of the bookmark that ends a streaming list's initial events. */
const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

export class Informer<T extends KubeObject> {
  private readonly store: InformerStore<T>;
  private readonly clock: Clock;
  private readonly pageSize: number;
  private resourceVersion = '';
  private watch: WatchHandle | undefined;
  private timer: unknown;
  private generation = 0;
  private failures = 0;
  private synced = false;
  /** The server refused or ignored a streaming list: page from now on. */
  private streamUnsupported = false;
  private current: InformerState = { kind: 'stopped' };

  constructor(
    private readonly source: ListWatch<T>,
    private readonly listener: InformerListener<T>,
    private readonly options: InformerOptions = {},
  ) {
    this.store = new InformerStore(listener);
    this.clock = options.clock ?? systemClock;
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  get state(): InformerState {
    return this.current;
  }

  /** True once an initial list has completed (the store then mirrors the server, give or take a reconnect). */
  get hasSynced(): boolean {
    return this.synced;
  }

  get size(): number {
    return this.store.size;
  }

  values(): IterableIterator<T> {
    return this.store.values();
  }

  get(namespace: string, name: string): T | undefined {
    return this.store.get(`${namespace}/${name}`);
  }

  start(): void {
    this.restart(true);
  }

  /** Re-list now (the Refresh command, or after an error): converges by diff, never by clearing. */
  resync(): void {
    this.restart(true);
  }

  stop(): void {
    this.generation++;
    this.cancelPending();
    this.setState({ kind: 'stopped' });
  }

  private restart(relist: boolean): void {
    this.generation++;
    this.cancelPending();
    const gen = this.generation;
    if (relist || !this.resourceVersion) void this.list(gen);
    else this.startWatch(gen);
  }

  private cancelPending(): void {
    this.watch?.stop();
    this.watch = undefined;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async list(gen: number): Promise<void> {
    if (!this.synced) this.setState({ kind: 'listing', loaded: 0 });
    if (this.source.stream && !this.streamUnsupported) {
      this.streamList(gen, this.source.stream.bind(this.source));
      return;
    }
    await this.pagedList(gen);
  }

  /**
   * The initial list as one stream whose end is the bookmark; the same stream then carries the changes, so no
   * second request is made. Whatever goes wrong before that bookmark (refused, ignored, cut, an ERROR event) falls
   * back to the paged list at once, which reports and retries failures as it always has; a refusal or a server that
   * ignored the request makes the paged list the only one from then on.
   */
  private streamList(gen: number, open: (handlers: WatchHandlers<T>) => WatchHandle): void {
    const initial = new Map<string, T>();
    let lastHeard = this.clock.now();
    let live: WatchHandlers<T> | undefined;
    /** Fallen back: a stopped stream may still be delivering what it had queued. */
    let abandoned = false;
    const fallBack = (unsupported: boolean) => {
      abandoned = true;
      this.cancelPending();
      if (unsupported) this.streamUnsupported = true;
      void this.pagedList(gen);
    };
    let heardAny = false;
    // Silence from the start is a server that accepted but does not answer (or one that ignored the request over an
    // empty scope): waited for no longer than a list page would be. Only objects without the closing bookmark prove
    // that the server ignored the request.
    const quietLimit = () => (heardAny ? STREAM_QUIET_MS : Math.min(STREAM_QUIET_MS, this.options.listTimeoutMs ?? STREAM_QUIET_MS));
    const checkQuiet = () => {
      if (abandoned || live) return;
      const quietFor = this.clock.now() - lastHeard;
      if (quietFor >= quietLimit()) fallBack(heardAny);
      else this.schedule(gen, quietLimit() - quietFor, checkQuiet);
    };
    this.watch = open({
      onEvent: (type, obj) => {
        if (gen !== this.generation || abandoned) return;
        if (live) {
          live.onEvent(type, obj);
          return;
        }
        lastHeard = this.clock.now();
        heardAny = true;
        if (type === 'ERROR') {
          fallBack(isRefusal(obj));
          return;
        }
        const object = obj as T;
        if (type === 'BOOKMARK') {
          if (object.metadata?.annotations?.[INITIAL_EVENTS_END] !== 'true') return;
          if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
          this.timer = undefined;
          live = this.watchHandlers(gen);
          this.synchronized([...initial.values()], object.metadata.resourceVersion ?? '');
          return;
        }
        if (type === 'DELETED') initial.delete(objectKey(object));
        else initial.set(objectKey(object), object);
        if (!this.synced && initial.size % this.pageSize === 0) this.setState({ kind: 'listing', loaded: initial.size });
      },
      onDone: (err) => {
        if (gen !== this.generation || abandoned) return;
        if (live) live.onDone(err);
        else fallBack(isRefusal(err));
      },
    });
    if (!abandoned && !live) this.schedule(gen, quietLimit(), checkQuiet);
  }

  /** The store now mirrors the server at `resourceVersion`. */
  private synchronized(items: T[], resourceVersion: string): void {
    this.store.replace(items);
    this.resourceVersion = resourceVersion;
    this.synced = true;
    // The backoff is not reset here: only a watch that works proves the connection healthy (a user may be allowed
    // to list but not to watch, and must not get a re-list every second).
    this.setState({ kind: 'synced' });
  }

  private async pagedList(gen: number): Promise<void> {
    try {
      const { items, resourceVersion } = await this.listAllPages(gen);
      if (gen !== this.generation) return;
      this.synchronized(items, resourceVersion);
      this.startWatch(gen);
    } catch (err) {
      if (gen !== this.generation) return;
      const problem = describeConnectionError(err);
      const retryInMs = this.nextBackoff();
      this.setState(this.synced ? { kind: 'reconnecting', problem, retryInMs } : { kind: 'error', problem, retryInMs });
      this.schedule(gen, retryInMs, () => void this.list(gen));
    }
  }

  private async listAllPages(gen: number): Promise<{ items: T[]; resourceVersion: string }> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.source.list({ limit: this.pageSize, continueToken, timeoutMs: this.options.listTimeoutMs });
      if (gen !== this.generation) return { items, resourceVersion };
      for (const pod of page.items) items.push(pod);
      resourceVersion = page.metadata?.resourceVersion ?? '';
      continueToken = page.metadata?._continue || undefined;
      if (!this.synced && continueToken) this.setState({ kind: 'listing', loaded: items.length });
    } while (continueToken);
    return { items, resourceVersion };
  }

  private startWatch(gen: number): void {
    this.watch = this.source.watch(this.resourceVersion, this.watchHandlers(gen));
  }

  /** What a watch (or a streaming list past its initial events) does with each event and with its end. */
  private watchHandlers(gen: number): WatchHandlers<T> {
    const startedAt = this.clock.now();
    let delivered = false;
    return {
      onEvent: (type, obj) => {
        if (gen !== this.generation) return;
        if (type === 'ERROR') {
          // 410 Expired (our version was compacted) or another server-side failure: the stream is done either way;
          // don't wait for the server to close it.
          this.afterWatch({ ...(obj as V1Status), kind: 'Status' }, delivered, startedAt);
          return;
        }
        delivered = true;
        this.applyEvent(type, obj as T);
      },
      onDone: (err) => {
        if (gen !== this.generation) return;
        this.afterWatch(err, delivered, startedAt);
      },
    };
  }

  private applyEvent(type: Exclude<WatchEventType, 'ERROR'>, pod: T): void {
    if (type === 'ADDED' || type === 'MODIFIED') this.store.upsert(pod);
    else if (type === 'DELETED') this.store.delete(pod);
    // BOOKMARK carries only a newer resourceVersion.
    const rv = pod.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
  }

  private afterWatch(err: unknown, delivered: boolean, startedAt: number): void {
    this.generation++;
    this.cancelPending();
    const gen = this.generation;
    const quiet = !delivered && this.clock.now() - startedAt < QUICK_CLOSE_MS;
    if (!quiet) this.failures = 0;
    const problem = err ? describeConnectionError(err) : undefined;
    if (problem?.kind === 'gone') {
      // Re-listing is the cure for an expired version, not a failure to back off from.
      void this.list(gen);
      return;
    }
    if (!problem || problem.kind === 'timeout') {
      // A normal close (server timeout) or client inactivity timeout: resume from our version, throttled only if
      // the server keeps closing at once.
      if (!quiet) this.startWatch(gen);
      else this.schedule(gen, this.nextBackoff(), () => this.startWatch(gen));
      return;
    }
    // The connection broke: show it, then re-list (which also proves the cluster is back) after a backoff.
    const retryInMs = this.nextBackoff();
    this.setState({ kind: 'reconnecting', problem, retryInMs });
    this.schedule(gen, retryInMs, () => void this.list(gen));
  }

  private nextBackoff(): number {
    const ms = Math.min(MIN_BACKOFF_MS * 2 ** this.failures, MAX_BACKOFF_MS);
    this.failures++;
    return ms;
  }

  private schedule(gen: number, ms: number, fn: () => void): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      if (gen === this.generation) fn();
    }, ms);
  }

  private setState(state: InformerState): void {
    this.current = state;
    this.listener.onState(state);
  }
}

/** The pods of one scope (the tree's informer). */
export class PodInformer extends Informer<V1Pod> {
  constructor(api: ClusterApi, readonly query: PodQuery, listener: InformerListener, options: InformerOptions = {}) {
    super(podListWatch(api, query), listener, options);
  }

  pods(): IterableIterator<V1Pod> {
    return this.values();
  }
}

/**
 * The server refused the streaming list's parameters (400/422: "sendInitialEvents is forbidden for watch unless the
 * WatchList feature gate is enabled", or an older server's "resourceVersionMatch is forbidden for watch"), as an HTTP
 * status or an ERROR event's Status. Anything else (a cut connection, 403, 5xx) may pass; the next list tries again.
 */
function isRefusal(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { statusCode?: unknown; code?: unknown };
  const code = typeof e.statusCode === 'number' ? e.statusCode : e.code;
  return code === 400 || code === 422;
}
