// One container's log as a stream of lines that survives dropped connections: a break reopens the request from the
// last timestamp seen and drops the replayed lines, so the reader gets every line exactly once.
import { LineSplitter } from './lineSplitter';
import { TimedLineParser, type TimedLine } from './logTimestamp';
import { LogOpenError, type LogConnection, type LogOpener, type LogRequest } from './logTransport';
import { ResumeCursor } from './resumeCursor';

export type LogStreamState =
  | { kind: 'connecting' }
  | { kind: 'streaming' }
  | { kind: 'reconnecting'; attempt: number; delayMs: number; reason: string }
  | { kind: 'ended' }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface LogStreamHandlers {
  /** New lines in order. `unterminated`: the last one ended the stream without a newline. */
  lines(lines: TimedLine[], unterminated: boolean): void;
  state(state: LogStreamState): void;
}

export interface LogStreamOptions {
  /** Pause before each reconnect attempt; the last entry repeats. Attempts are counted from the last line received. */
  retryDelaysMs?: readonly number[];
  maxAttempts?: number;
  /** Injected by tests so retries take no real time. */
  wait?: (ms: number) => Promise<void>;
}

const DEFAULT_DELAYS = [200, 500, 1000, 2000, 5000];
const DEFAULT_MAX_ATTEMPTS = 10;

export class ResumableLogStream {
  private readonly cursor: ResumeCursor;
  private readonly splitter = new LineSplitter();
  private readonly parser = new TimedLineParser();
  private connection: LogConnection | undefined;
  private stopped = false;
  private receivedSinceOpen = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly open: LogOpener,
    private readonly request: LogRequest,
    private readonly handlers: LogStreamHandlers,
    private readonly options: LogStreamOptions = {},
  ) {
    this.cursor = new ResumeCursor(request.tailLines !== undefined);
  }

  /** Starts reading; the promise settles when the stream has ended, failed or been stopped. */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.connection?.abort();
    this.handlers.state({ kind: 'stopped' });
  }

  private async run(): Promise<void> {
    let attempt = 0;
    this.handlers.state({ kind: 'connecting' });
    while (!this.stopped) {
      const outcome = await this.readOnce();
      if (this.stopped) return;
      if (outcome.kind === 'ended') {
        this.handlers.state({ kind: 'ended' });
        return;
      }
      attempt = this.receivedSinceOpen ? 1 : attempt + 1;
      const max = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      if (!outcome.retryable || attempt > max) {
        const suffix = outcome.retryable ? ` (gave up after ${max} attempts)` : '';
        this.handlers.state({ kind: 'failed', message: outcome.message + suffix });
        return;
      }
      const delays = this.options.retryDelaysMs ?? DEFAULT_DELAYS;
      const delayMs = delays[Math.min(attempt - 1, delays.length - 1)];
      this.handlers.state({ kind: 'reconnecting', attempt, delayMs, reason: outcome.message });
      await (this.options.wait ?? sleep)(delayMs);
    }
  }

  private async readOnce(): Promise<{ kind: 'ended' } | { kind: 'broken'; retryable: boolean; message: string }> {
    this.receivedSinceOpen = false;
    this.splitter.reset();
    this.cursor.beginReplay();
    try {
      this.connection = await this.open(this.nextRequest(), (chunk) => this.onChunk(chunk));
    } catch (err) {
      return { kind: 'broken', retryable: err instanceof LogOpenError && err.retryable, message: messageOf(err) };
    }
    if (this.stopped) {
      this.connection.abort();
      return { kind: 'ended' };
    }
    this.handlers.state({ kind: 'streaming' });
    try {
      await this.connection.closed;
    } catch (err) {
      // A cut-off last line is not delivered: the reopened stream replays it whole.
      return { kind: 'broken', retryable: true, message: `log stream interrupted: ${messageOf(err)}` };
    }
    if (!this.stopped) this.flushRest();
    return { kind: 'ended' };
  }

  /** The first request as asked; after a break, everything since the last line seen (tail/since no longer apply). */
  private nextRequest(): LogRequest {
    const sinceTime = this.cursor.sinceTime;
    if (sinceTime === undefined) return this.request;
    return { follow: this.request.follow, previous: this.request.previous, sinceTime };
  }

  private onChunk(chunk: Buffer): void {
    if (this.stopped) return;
    this.receivedSinceOpen = true;
    const fresh: TimedLine[] = [];
    for (const raw of this.splitter.push(chunk)) {
      const line = this.parser.parse(raw);
      if (this.cursor.admit(line)) fresh.push(line);
    }
    if (fresh.length > 0) this.handlers.lines(fresh, false);
  }

  private flushRest(): void {
    const rest = this.splitter.rest();
    if (rest === '') return;
    const line = this.parser.parse(rest);
    if (this.cursor.admit(line)) this.handlers.lines([line], true);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
