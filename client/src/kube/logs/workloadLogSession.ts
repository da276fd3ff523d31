// The logs of a whole workload: one resumable stream per pod and container, interleaved by time with kubectl's
// `[pod/<pod>/<container>] ` prefix. The pods come from a watch on the workload's selector, so a pod that starts later
// joins (its source joins the merger, which then waits for its backlog) and a pod that goes away ends with a marker
// line placed after its last line. At most `maxLogRequests` streams are open at once, as kubectl's
// --max-log-requests; pods past the cap wait for a stream to end, and the user is told once.
// No VS Code here, so unit tests and the cluster tests drive it directly.
import type { V1Pod } from '@kubernetes/client-node';
import type { InformerListener, InformerState } from '../cluster/informer';
import { podContainers } from '../pod/containers';
import { LogBuffer } from './logBuffer';
import { containerPrefix, formatLogLine } from './logFormat';
import { LogMerger } from './logMerger';
import { LinePresenter, type LogPresentation } from './logPresentation';
import { DEFAULT_QUIET_MS, isFinal, MERGE_TICK_MS, RAW } from './logSession';
import { ResumableLogStream, type LogStreamOptions, type LogStreamState } from './logStream';
import { compareLogTime, type LogTime, type TimedLine } from './logTimestamp';
import type { LogOpener, LogRequest } from './logTransport';
import type { LogSessionListener, LogViewSession } from './logViewSession';

export interface WorkloadLogSpec {
  namespace: string;
  /** As kubectl names it, e.g. `deployment/web`: the view's title. */
  workload: string;
  /** The workload's pod selector in label-selector syntax. */
  labelSelector: string;
  /** undefined: every container of each pod (init, sidecar and app, as kubectl's --all-containers). */
  containers: readonly string[] | undefined;
  follow: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  maxLogRequests: number;
}

/** The pods matching the selector, listed then watched (a PodInformer in the extension, a fake in unit tests). */
export interface PodFeed {
  start(): void;
  stop(): void;
}

export interface WorkloadLogSessionOptions {
  maxLines: number;
  quietMs?: number;
  stream?: LogStreamOptions;
  now?: () => number;
  presentation?: LogPresentation;
  /** How long a deleted pod's streams may keep delivering before they are closed (and its failures are not errors). */
  goneGraceMs?: number;
}

export const POD_DELETED_MARKER = '--- pod deleted ---';
const DEFAULT_GONE_GRACE_MS = 1_000;

interface Source {
  prefix: string;
  /** undefined for a marker line, which is shown as it is. */
  presenter: LinePresenter | undefined;
}

interface PodStream {
  key: string;
  stream: ResumableLogStream;
  state: LogStreamState | undefined;
}

interface PodEntry {
  name: string;
  streams: PodStream[];
  /** The latest time of a line this pod sent: its marker goes right after it. */
  lastTime: LogTime | undefined;
  deleted: boolean;
  marked: boolean;
}

export class WorkloadLogSession implements LogViewSession {
  readonly buffer: LogBuffer;
  private readonly pods = new Map<string, PodEntry>();
  /** Pods past the cap, by uid, in the order they came. */
  private waiting: V1Pod[] = [];
  private sources: Source[] = [];
  private merger: LogMerger | undefined;
  private feed: PodFeed | undefined;
  private feedState: InformerState = { kind: 'stopped' };
  private tick: ReturnType<typeof setInterval> | undefined;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private generation = 0;
  private capNoticed = false;
  private stopped = true;
  /** How the last run finished: every pod read (without follow), or stopped. */
  private outcome: 'ended' | 'stopped' = 'stopped';
  private settle: () => void = () => undefined;

  constructor(
    readonly spec: WorkloadLogSpec,
    private readonly feedFor: (listener: InformerListener) => PodFeed,
    private readonly openerFor: (pod: string, container: string) => LogOpener,
    private readonly listener: LogSessionListener,
    private options: WorkloadLogSessionOptions,
  ) {
    this.buffer = new LogBuffer(options.maxLines);
  }

  get title(): string {
    return this.spec.workload;
  }

  get running(): boolean {
    return !this.stopped;
  }

  get presentation(): LogPresentation {
    return this.options.presentation ?? RAW;
  }

  /** Pod names with an open (or opening) stream, and those waiting for one. */
  get streamingPods(): string[] {
    return [...this.pods.values()].filter((p) => p.streams.some((s) => !s.state || !isFinal(s.state))).map((p) => p.name);
  }

  get waitingPods(): string[] {
    return this.waiting.map((p) => p.metadata?.name ?? '');
  }

  prefixes(): readonly string[] {
    return [...new Set(this.sources.map((s) => s.prefix))];
  }

  start(): Promise<void> {
    this.stop();
    this.buffer.clear();
    this.listener.changed();
    const generation = ++this.generation;
    this.stopped = false;
    this.capNoticed = false;
    this.sources = [];
    // Without follow every stream ends, so none needs to be presumed quiet: waiting for each is the exact order,
    // however slowly a pod's log request is answered.
    const quietMs = this.spec.follow ? this.options.quietMs ?? DEFAULT_QUIET_MS : Infinity;
    this.merger = new LogMerger(0, quietMs, this.options.now ?? Date.now);
    this.tick = setInterval(() => this.release(), MERGE_TICK_MS);
    const finished = new Promise<void>((resolve) => { this.settle = resolve; });
    const live = () => generation === this.generation;
    this.feed = this.feedFor({
      onAdd: (pod) => { if (live()) this.consider(pod); },
      onUpdate: (pod) => { if (live()) this.consider(pod); },
      onDelete: (pod) => { if (live()) this.gone(pod); },
      onState: (state) => {
        if (!live()) return;
        const before = this.feedState.kind;
        this.feedState = state;
        // Pods cannot be listed (forbidden, unreachable): say so once, not at every retry of the informer.
        if (state.kind === 'error' && before !== 'error') {
          this.listener.state(this.spec.workload, { kind: 'failed', message: `listing its pods: ${state.problem.message}` });
        } else {
          this.listener.state(this.spec.workload, { kind: 'streaming' });
        }
        // Without follow the view is a snapshot, as `kubectl logs -l`: the pods of the first list, each read once.
        if (state.kind === 'synced' && !this.spec.follow) {
          this.feed?.stop();
          this.feed = undefined;
          this.finishIfDone();
        }
      },
    });
    this.feed.start();
    return finished;
  }

  stop(): void {
    this.generation++;
    this.feed?.stop();
    this.feed = undefined;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const streams = [...this.pods.values()].flatMap((p) => p.streams);
    this.pods.clear();
    this.waiting = [];
    for (const s of streams) s.stream.stop();
    this.finish('stopped');
  }

  represent(presentation: LogPresentation): Promise<void> {
    this.options = { ...this.options, presentation };
    return this.start();
  }

  summary(): string {
    const streams = [...this.pods.values()].filter((p) => !p.deleted).flatMap((p) => p.streams);
    const reconnecting = streams.find((s) => s.state?.kind === 'reconnecting');
    const failed = streams.filter((s) => s.state?.kind === 'failed');
    const open = streams.filter((s) => !s.state || !isFinal(s.state)).length;
    const parts: string[] = [];
    if (this.feedState.kind === 'error' || this.feedState.kind === 'reconnecting') parts.push(`pod watch ${this.feedState.kind === 'error' ? 'failed' : 'reconnecting'}: ${this.feedState.problem.message}`);
    if (reconnecting?.state?.kind === 'reconnecting') parts.push(`reconnecting ${reconnecting.key} (attempt ${reconnecting.state.attempt}): ${reconnecting.state.reason}`);
    if (failed.length > 0) parts.push(`failed: ${failed.map((s) => s.key).join(', ')}`);
    if (this.waiting.length > 0) parts.push(`${this.waiting.length} pod(s) waiting: at most ${this.spec.maxLogRequests} streams (podscope.logs.maxLogRequests)`);
    if (this.stopped) return parts.length > 0 ? parts.join('; ') : this.outcome === 'ended' && streams.length === 0 ? 'ended: no running pod matches the selector' : this.outcome;
    const doing = this.feedState.kind === 'listing' ? 'listing pods' : `${this.spec.follow ? 'following' : 'loading'} ${open} stream(s) of ${this.streamingPods.length} pod(s)`;
    return [doing, ...parts].join('; ');
  }

  /** A pod from the feed: opens its streams once its containers have started, or queues it past the cap. */
  private consider(pod: V1Pod): void {
    const uid = podId(pod);
    if (this.pods.has(uid) || this.waiting.some((w) => podId(w) === uid)) return;
    if (!hasLogs(pod)) return;
    const containers = this.containersOf(pod);
    if (containers.length === 0) return;
    const open = this.openStreams();
    if (open > 0 && open + containers.length > this.spec.maxLogRequests) {
      this.waiting.push(pod);
      this.noticeCap();
      this.listener.state(this.spec.workload, { kind: 'streaming' });
      return;
    }
    this.startPod(pod, containers);
  }

  private containersOf(pod: V1Pod): string[] {
    const all = podContainers(pod).filter((c) => c.kind !== 'ephemeral').map((c) => c.name);
    const chosen = this.spec.containers;
    return chosen === undefined ? all : all.filter((c) => chosen.includes(c));
  }

  private openStreams(): number {
    let n = 0;
    for (const p of this.pods.values()) for (const s of p.streams) if (!s.state || !isFinal(s.state)) n++;
    return n;
  }

  private noticeCap(): void {
    if (this.capNoticed) return;
    this.capNoticed = true;
    this.listener.notice?.(
      `${this.spec.workload}: more log streams than podscope.logs.maxLogRequests (${this.spec.maxLogRequests}, as kubectl's --max-log-requests). ` +
      `Showing ${this.openStreams()}; pod ${this.waitingPods.join(', ')} and any further pods wait until a stream ends. Raise the setting to see them all.`,
    );
  }

  private startPod(pod: V1Pod, containers: string[]): void {
    const name = pod.metadata?.name ?? '';
    const entry: PodEntry = { name, streams: [], lastTime: undefined, deleted: false, marked: false };
    this.pods.set(podId(pod), entry);
    const generation = this.generation;
    const request: LogRequest = {
      follow: this.spec.follow,
      previous: false,
      tailLines: this.spec.tailLines,
      sinceSeconds: this.spec.sinceSeconds,
    };
    for (const container of containers) {
      const source = this.addSource(containerPrefix(name, container), new LinePresenter(this.presentation));
      const ps: PodStream = { key: `${name}/${container}`, stream: undefined as unknown as ResumableLogStream, state: undefined };
      ps.stream = new ResumableLogStream(this.openerFor(name, container), request, {
        lines: (lines) => {
          if (generation !== this.generation) return;
          for (const l of lines) if (l.time && (!entry.lastTime || compareLogTime(l.time, entry.lastTime) > 0)) entry.lastTime = l.time;
          this.merger?.push(source, lines);
          this.release();
        },
        state: (state) => {
          if (generation !== this.generation) return;
          ps.state = state;
          // A slow answer to the log request is not a quiet container: its quiet time starts once it is connected.
          if (state.kind === 'streaming') this.merger?.push(source, []);
          if (isFinal(state)) this.merger?.end(source);
          if (state.kind === 'failed' && !entry.deleted) this.reportFailureUnlessGone(entry, ps.key, state);
          else if (state.kind !== 'failed') this.listener.state(ps.key, state);
        },
      }, this.options.stream);
      entry.streams.push(ps);
    }
    for (const ps of entry.streams) {
      void ps.stream.start().then(() => {
        if (generation !== this.generation) return;
        this.streamDone(entry);
      });
    }
  }

  private addSource(prefix: string, presenter: LinePresenter | undefined): number {
    const source = this.merger?.add() ?? this.sources.length;
    this.sources[source] = { prefix, presenter };
    return source;
  }

  /** A stream fails when its pod is deleted under it (404 on reconnect); that is the pod going away, not an error. */
  private reportFailureUnlessGone(entry: PodEntry, key: string, state: LogStreamState): void {
    this.later(this.options.goneGraceMs ?? DEFAULT_GONE_GRACE_MS, () => {
      if (!entry.deleted) this.listener.state(key, state);
    });
  }

  private streamDone(entry: PodEntry): void {
    this.writeMarkerIfGone(entry);
    this.startWaiting();
    this.finishIfDone();
  }

  private gone(pod: V1Pod): void {
    const uid = podId(pod);
    this.waiting = this.waiting.filter((w) => podId(w) !== uid);
    const entry = this.pods.get(uid);
    if (!entry) return;
    entry.deleted = true;
    // The last lines may still be on their way: give the streams a moment to end by themselves.
    this.later(this.options.goneGraceMs ?? DEFAULT_GONE_GRACE_MS, () => {
      for (const s of entry.streams) if (!s.state || !isFinal(s.state)) s.stream.stop();
      this.writeMarkerIfGone(entry);
    });
    this.writeMarkerIfGone(entry);
  }

  /** Once a deleted pod's streams have all ended: its marker, timed after its last line so it follows them. */
  private writeMarkerIfGone(entry: PodEntry): void {
    if (!entry.deleted || entry.marked || entry.streams.some((s) => !s.state || !isFinal(s.state))) return;
    entry.marked = true;
    const source = this.addSource(`[pod/${entry.name}] `, undefined);
    this.merger?.push(source, [{ ts: '', time: entry.lastTime, text: POD_DELETED_MARKER }]);
    this.merger?.end(source);
    this.release();
    this.listener.state(entry.name, { kind: 'ended' });
  }

  private startWaiting(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      const containers = this.containersOf(next);
      const open = this.openStreams();
      if (open > 0 && open + containers.length > this.spec.maxLogRequests) return;
      this.waiting.shift();
      this.startPod(next, containers);
    }
  }

  /** Without follow: done when the list has been read and every stream has ended. */
  private finishIfDone(): void {
    if (this.spec.follow || this.feed || this.stopped) return;
    if (this.waiting.length > 0 || this.openStreams() > 0) return;
    this.finish('ended');
  }

  private finish(outcome: 'ended' | 'stopped'): void {
    if (!this.stopped) this.outcome = outcome;
    if (this.tick) clearInterval(this.tick);
    this.tick = undefined;
    const merger = this.merger;
    this.merger = undefined;
    if (merger) this.write(merger.drainAll());
    this.stopped = true;
    this.settle();
  }

  private release(): void {
    if (this.merger) this.write(this.merger.drain());
  }

  private write(lines: { source: number; line: TimedLine }[]): void {
    if (lines.length === 0) return;
    const out: string[] = [];
    for (const { source, line } of lines) {
      const { prefix, presenter } = this.sources[source];
      const shown = presenter ? presenter.line(line, this.spec.timestamps, prefix) : formatLogLine(line, this.spec.timestamps, prefix);
      if (shown !== undefined) out.push(shown);
    }
    this.buffer.append(out);
    this.listener.changed();
  }

  private later(ms: number, fn: () => void): void {
    const generation = this.generation;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (generation === this.generation) fn();
    }, ms);
    this.timers.add(t);
  }
}

function podId(pod: V1Pod): string {
  return pod.metadata?.uid ?? pod.metadata?.name ?? '';
}

/** A pod whose containers have not started has no log yet (the server would refuse: ContainerCreating). */
function hasLogs(pod: V1Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Running' || phase === 'Succeeded' || phase === 'Failed';
}
