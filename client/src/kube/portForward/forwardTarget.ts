// What a forward sends each new connection to. A pod forward always goes to its pod. A Service or workload forward
// watches the selector's pods and keeps one current pod, chosen as kubectl chooses (podChoice.ts); while that pod
// serves, new connections go to it; when it stops (deleted, replaced by a rollout, evicted, not ready, crashed) the
// next best ready pod takes over, and the switch is recorded for the session list. Connections open on a pod that is
// gone are closed by the session (onPodGone); connections to a pod that is merely not ready are left alone, as
// kube-proxy leaves established connections alone.
import type { V1Pod } from '@kubernetes/client-node';
import type { InformerListener, InformerState } from '../cluster/informer';
import { systemClock, type Clock } from '../cluster/informer';
import { choosePod, servesNewConnections } from './podChoice';
import { resolvePort, type RemotePort } from './forwardPorts';

export interface Endpoint {
  pod: string;
  /** '' for a pod forward, which never switches. */
  uid: string;
  port: number;
}

export interface TargetSwitch {
  from: string;
  to: string;
  /** ms since the epoch. */
  at: number;
}

export interface ForwardTarget {
  /** The pod's name, or `service/web`, `deployment/web`, as kubectl names objects. */
  readonly name: string;
  readonly remote: RemotePort;
  /** The pod new connections go to now; undefined while none is ready. */
  readonly currentPod: string | undefined;
  readonly switches: readonly TargetSwitch[];
  /** Why the pods known may be stale (the watch is reconnecting); undefined when all is well. */
  readonly problem: string | undefined;
  /** The pod and port for a new connection; rejects with a message for the user when no pod can take it. */
  next(): Promise<Endpoint>;
  /** `listener` hears the uid of each pod that is gone, whose open connections must close. */
  onPodGone(listener: (uid: string) => void): void;
  start(): void;
  stop(): void;
}

/** A forward to one named pod: no watch, nothing to switch. */
export class PodTarget implements ForwardTarget {
  readonly switches: readonly TargetSwitch[] = [];
  readonly problem = undefined;
  readonly remote: RemotePort;

  constructor(readonly name: string, port: number) {
    this.remote = { kind: 'number', port };
  }

  get currentPod(): string {
    return this.name;
  }

  next(): Promise<Endpoint> {
    return Promise.resolve({ pod: this.name, uid: '', port: (this.remote as { port: number }).port });
  }

  onPodGone(): void {}
  start(): void {}
  stop(): void {}
}

/** The informer-like view of the selector's pods a SelectorTarget reads (a PodInformer; a fake in unit tests). */
export interface PodWatcher {
  start(): void;
  stop(): void;
  pods(): IterableIterator<V1Pod>;
}

export type PodWatcherFactory = (listener: InformerListener) => PodWatcher;

export interface SelectorTargetOptions {
  /** How long a new connection waits for a ready pod before it is closed; default 60 s (kubectl's --pod-running-timeout). */
  waitMs?: number;
  clock?: Clock;
}

interface Waiter {
  resolve(endpoint: Endpoint): void;
  reject(err: Error): void;
  timer: unknown;
}

const DEFAULT_WAIT_MS = 60_000;

export class SelectorTarget implements ForwardTarget {
  private readonly watcher: PodWatcher;
  private readonly clock: Clock;
  private readonly waitMs: number;
  private current: V1Pod | undefined;
  /** The last pod chosen (kept while none is ready, so the next choice is recorded as a switch from it). */
  private lastChosen: string | undefined;
  private lastUid: string | undefined;
  private readonly history: TargetSwitch[] = [];
  private readonly goneListeners: ((uid: string) => void)[] = [];
  private waiters: Waiter[] = [];
  private state: InformerState = { kind: 'stopped' };

  constructor(readonly name: string, readonly remote: RemotePort, watch: PodWatcherFactory, options: SelectorTargetOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
    this.watcher = watch({
      onAdd: () => this.reconcile(),
      onUpdate: (pod) => {
        if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') this.gone(pod);
        this.reconcile();
      },
      onDelete: (pod) => {
        this.gone(pod);
        this.reconcile();
      },
      onState: (state) => {
        this.state = state;
        this.reconcile();
      },
    });
  }

  get currentPod(): string | undefined {
    return this.current?.metadata?.name;
  }

  get switches(): readonly TargetSwitch[] {
    return this.history;
  }

  get problem(): string | undefined {
    return this.state.kind === 'error' || this.state.kind === 'reconnecting' ? this.state.problem.message : undefined;
  }

  start(): void {
    this.watcher.start();
  }

  stop(): void {
    this.watcher.stop();
    for (const w of this.waiters) {
      this.clock.clearTimeout(w.timer);
      w.reject(new Error(`the forward to ${this.name} was stopped`));
    }
    this.waiters = [];
  }

  onPodGone(listener: (uid: string) => void): void {
    this.goneListeners.push(listener);
  }

  next(): Promise<Endpoint> {
    if (this.current) return this.endpointOf(this.current);
    return new Promise<Endpoint>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: this.clock.setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          const why = this.problem ? `: ${this.problem}` : '';
          reject(new Error(`no pod of ${this.name} was ready to take the connection within ${Math.round(this.waitMs / 1000)} s${why}`));
        }, this.waitMs),
      };
      this.waiters.push(waiter);
    });
  }

  private endpointOf(pod: V1Pod): Promise<Endpoint> {
    try {
      return Promise.resolve({ pod: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '', port: resolvePort(this.remote, pod) });
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private gone(pod: V1Pod): void {
    const uid = pod.metadata?.uid;
    if (uid) for (const l of this.goneListeners) l(uid);
  }

  /** Keeps the current pod while it serves, else takes kubectl's choice among those that do. */
  private reconcile(): void {
    const pods = [...this.watcher.pods()];
    const uid = this.current?.metadata?.uid;
    const same = uid === undefined ? undefined : pods.find((p) => p.metadata?.uid === uid);
    if (same && servesNewConnections(same)) {
      this.current = same;
    } else {
      this.current = choosePod(pods);
      const chosen = this.current?.metadata?.name;
      if (this.current && this.lastChosen !== undefined && this.current.metadata?.uid !== this.lastUid) {
        this.history.push({ from: this.lastChosen, to: chosen ?? '', at: this.clock.now() });
      }
      if (this.current) {
        this.lastChosen = chosen;
        this.lastUid = this.current.metadata?.uid;
      }
    }
    if (this.current && this.waiters.length > 0) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) {
        this.clock.clearTimeout(w.timer);
        this.endpointOf(this.current).then(w.resolve, w.reject);
      }
    }
  }
}

/** `→ web-abc (was web-xyz, switched 12:03:04)`: where new connections go, and the last switch. */
export function targetStatus(target: Pick<ForwardTarget, 'currentPod' | 'switches' | 'problem'>, time: (ms: number) => string = clockTime): string {
  const last = target.switches.at(-1);
  const now = target.currentPod === undefined ? 'no ready pod' : `→ ${target.currentPod}`;
  const was = last ? ` (was ${last.from}, switched ${time(last.at)})` : '';
  const problem = target.problem ? ` · ${target.problem}` : '';
  return `${now}${was}${problem}`;
}

/** Every switch, oldest first: `web-xyz → web-abc at 12:03:04; …`. */
export function switchHistory(switches: readonly TargetSwitch[], time: (ms: number) => string = clockTime): string {
  return switches.map((s) => `${s.from} → ${s.to} at ${time(s.at)}`).join('; ');
}

/** HH:MM:SS in local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
