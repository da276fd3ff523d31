// One log view's worth of streaming: one resumable stream per container, interleaved by time when there are several,
// written into a capped buffer. No VS Code here, so integration tests and the benchmark drive it directly.
import { LogBuffer } from './logBuffer';
import { containerPrefix } from './logFormat';
import { LogMerger } from './logMerger';
import { DEFAULT_JSON_KEYS } from './jsonLogLine';
import { LinePresenter, type LogPresentation } from './logPresentation';
import { ResumableLogStream, type LogStreamOptions, type LogStreamState } from './logStream';
import type { TimedLine } from './logTimestamp';
import type { LogOpener, LogRequest } from './logTransport';
import type { LogSessionListener, LogViewSession } from './logViewSession';

export type { LogSessionListener } from './logViewSession';

export interface LogSpec {
  namespace: string;
  pod: string;
  /** One container, or several to interleave (each line then carries kubectl's `[pod/<pod>/<container>] ` prefix). */
  containers: readonly string[];
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
}

export interface LogSessionOptions {
  maxLines: number;
  /** How long a silent container may hold back the others' lines while interleaving. */
  quietMs?: number;
  stream?: LogStreamOptions;
  now?: () => number;
  /** JSON rendering and level filter; default: raw, every line (the bytes kubectl prints). */
  presentation?: LogPresentation;
}

export type OpenerFactory = (container: string) => LogOpener;

export const MERGE_TICK_MS = 100;
/** Long enough for a slower container's backlog to start arriving, short enough not to stall a live view. */
export const DEFAULT_QUIET_MS = 500;

export class LogSession implements LogViewSession {
  readonly buffer: LogBuffer;
  readonly states = new Map<string, LogStreamState>();
  private streams: ResumableLogStream[] = [];
  private merger: LogMerger | undefined;
  private tick: ReturnType<typeof setInterval> | undefined;
  private generation = 0;
  private finished: Promise<void> = Promise.resolve();
  private presenters: LinePresenter[] = [];

  constructor(
    readonly spec: LogSpec,
    private readonly openerFor: OpenerFactory,
    private readonly listener: LogSessionListener,
    private options: LogSessionOptions,
  ) {
    if (spec.containers.length === 0) throw new Error(`pod "${spec.pod}" has no container to show logs for`);
    this.buffer = new LogBuffer(options.maxLines);
  }

  get running(): boolean {
    return this.streams.length > 0;
  }

  get title(): string {
    return `${this.spec.pod}/${this.spec.containers.length > 1 ? 'all containers' : this.spec.containers[0]}`;
  }

  prefixes(): readonly string[] {
    const { pod, containers } = this.spec;
    return containers.length > 1 ? containers.map((c) => containerPrefix(pod, c)) : [];
  }

  /** Starts streaming into an empty buffer; resolves when every stream has ended, failed or been stopped. */
  start(): Promise<void> {
    this.stop();
    this.buffer.clear();
    this.listener.changed();
    const generation = ++this.generation;
    const { containers } = this.spec;
    const merged = containers.length > 1;
    const now = this.options.now ?? Date.now;
    const presentation = this.options.presentation;
    this.presenters = containers.map(() => new LinePresenter(presentation ?? RAW));
    this.merger = merged ? new LogMerger(containers.length, this.options.quietMs ?? DEFAULT_QUIET_MS, now) : undefined;
    const request: LogRequest = {
      follow: this.spec.follow,
      previous: this.spec.previous,
      tailLines: this.spec.tailLines,
      sinceSeconds: this.spec.sinceSeconds,
    };
    this.streams = containers.map((container, i) => new ResumableLogStream(this.openerFor(container), request, {
      lines: (lines, unterminated) => {
        if (generation !== this.generation) return;
        if (this.merger) {
          this.merger.push(i, lines);
          this.release(this.merger.drain());
        } else {
          const shown = this.shown(i, lines);
          // A hidden last line takes its missing newline with it.
          this.buffer.append(shown.lines, unterminated && shown.lastKept);
          this.listener.changed();
        }
      },
      state: (state) => {
        if (generation !== this.generation) return;
        this.states.set(container, state);
        if (isFinal(state)) this.merger?.end(i);
        // The reason goes into the view itself: a toast fades, and an empty tab would say nothing.
        if (state.kind === 'failed') {
          this.buffer.append([failureLine(merged ? containerPrefix(this.spec.pod, container) : '', this.spec.pod, container, state.message)]);
          this.listener.changed();
        }
        this.listener.state(container, state);
      },
    }, this.options.stream));
    if (this.merger) this.tick = setInterval(() => this.release(this.merger?.drain() ?? []), MERGE_TICK_MS);
    this.finished = Promise.all(this.streams.map((s) => s.start())).then(() => {
      if (generation !== this.generation) return;
      this.finishMerge();
    });
    return this.finished;
  }

  /** Stops every stream; what was received stays in the buffer. */
  stop(): void {
    const streams = this.streams;
    this.streams = [];
    for (const s of streams) s.stop();
    this.finishMerge();
  }

  /** The one-line state of the whole view, for the status bar. */
  summary(): string {
    const states = this.spec.containers.map((c) => this.states.get(c));
    const failed = states.find((s) => s?.kind === 'failed');
    if (failed?.kind === 'failed') return `failed: ${failed.message}`;
    const reconnecting = states.find((s) => s?.kind === 'reconnecting');
    if (reconnecting?.kind === 'reconnecting') return `reconnecting (attempt ${reconnecting.attempt}): ${reconnecting.reason}`;
    if (states.some((s) => s === undefined || s.kind === 'connecting')) return 'connecting';
    if (states.some((s) => s?.kind === 'streaming')) return this.spec.follow ? 'following' : 'loading';
    if (states.every((s) => s?.kind === 'stopped')) return 'stopped';
    return 'ended';
  }

  private release(lines: { source: number; line: TimedLine }[]): void {
    if (lines.length === 0) return;
    const { pod, containers, timestamps } = this.spec;
    const out: string[] = [];
    for (const { source, line } of lines) {
      const shown = this.presenters[source].line(line, timestamps, containerPrefix(pod, containers[source]));
      if (shown !== undefined) out.push(shown);
    }
    this.buffer.append(out);
    this.listener.changed();
  }

  /** The lines of one container as the view shows them (rendered, filtered), without a prefix. */
  private shown(source: number, lines: TimedLine[]): { lines: string[]; lastKept: boolean } {
    const presenter = this.presenters[source];
    const out: string[] = [];
    let lastKept = false;
    for (const line of lines) {
      const shown = presenter.line(line, this.spec.timestamps);
      lastKept = shown !== undefined;
      if (shown !== undefined) out.push(shown);
    }
    return { lines: out, lastKept };
  }

  get presentation(): LogPresentation {
    return this.options.presentation ?? RAW;
  }

  /** Shows the log another way: the lines are read again from the server and presented anew. */
  represent(presentation: LogPresentation): Promise<void> {
    this.options = { ...this.options, presentation };
    return this.start();
  }

  private finishMerge(): void {
    if (this.tick) clearInterval(this.tick);
    this.tick = undefined;
    const merger = this.merger;
    this.merger = undefined;
    if (merger) this.release(merger.drainAll());
  }
}

export const RAW: LogPresentation = { json: 'raw', minLevel: undefined, keys: DEFAULT_JSON_KEYS };

/** Marked so it cannot pass for the container's own output; a saved log keeps it as a record of the break. */
export function failureLine(prefix: string, pod: string, container: string, message: string): string {
  return `${prefix}[podscope] the log of ${pod}/${container} could not be read: ${message}`;
}

export function isFinal(state: LogStreamState): boolean {
  return state.kind === 'ended' || state.kind === 'stopped' || state.kind === 'failed';
}
