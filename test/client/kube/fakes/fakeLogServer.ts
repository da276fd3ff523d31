// A fake of the API server's pod log endpoint (timestamps=true), faithful where the resume logic depends on it:
// sinceTime is honoured to the whole second, tailLines counts from the end, follow keeps the stream open for appended
// lines. A scripted connection can break after N bytes, anywhere inside a line or a UTF-8 character.
import { LogOpenError, type LogConnection, type LogOpener, type LogRequest } from '../../../../client/src/kube/logs/logTransport';

export interface FakeConnectionScript {
  /** Break the connection after this many bytes (counted across chunks). */
  dropAfterBytes?: number;
  /** Refuse the request instead of streaming. */
  refuse?: LogOpenError;
}

export class FakeLogServer {
  /** Every line as the server writes it with timestamps: `<ts> <text>\n` (the last may lack the newline). */
  readonly entries: string[] = [];
  readonly requests: LogRequest[] = [];
  private readonly scripts: FakeConnectionScript[] = [];
  private readonly live = new Set<{ push(text: string): void; end(): void }>();

  constructor(private readonly chunkSize = 7) {}

  append(ts: string, text: string, newline = true): void {
    const entry = `${ts} ${text}${newline ? '\n' : ''}`;
    this.entries.push(entry);
    for (const c of this.live) c.push(entry);
  }

  /** Scripts the next connections, in order; unscripted connections behave. */
  script(...scripts: FakeConnectionScript[]): void {
    this.scripts.push(...scripts);
  }

  /** Ends all follow streams cleanly, as the kubelet does when the container exits. */
  endFollowers(): void {
    for (const c of [...this.live]) c.end();
  }

  readonly open: LogOpener = async (request, onChunk) => {
    this.requests.push({ ...request });
    const script = this.scripts.shift() ?? {};
    if (script.refuse) throw script.refuse;
    let budget = script.dropAfterBytes ?? Infinity;
    let settled = false;
    let resolveClosed!: () => void;
    let rejectClosed!: (e: Error) => void;
    const closed = new Promise<void>((res, rej) => { resolveClosed = res; rejectClosed = rej; });
    const pending: Buffer[] = [];
    let ending = false;
    const follower = {
      push: (text: string) => { pending.push(Buffer.from(text, 'utf8')); },
      end: () => { ending = true; },
    };
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      this.live.delete(follower);
      if (err) rejectClosed(err); else resolveClosed();
    };
    pending.push(Buffer.from(this.select(request).join(''), 'utf8'));
    if (request.follow) this.live.add(follower);
    else ending = true;

    const pump = () => {
      if (settled) return;
      while (pending.length > 0) {
        const head = pending[0];
        if (head.length === 0) { pending.shift(); continue; }
        const size = Math.min(this.chunkSize, head.length, budget);
        if (size === 0) return finish(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        onChunk(head.subarray(0, size));
        pending[0] = head.subarray(size);
        budget -= size;
        setImmediate(pump);
        return;
      }
      if (budget === 0) return finish(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      if (ending) return finish();
      setTimeout(pump, 1);
    };
    setImmediate(pump);
    const connection: LogConnection = { closed, abort: () => finish() };
    return connection;
  };

  private select(request: LogRequest): string[] {
    let out = this.entries;
    if (request.sinceTime !== undefined) {
      // The API server passes sinceTime on as RFC3339 without fractions: whole seconds.
      // (The test timestamps are all UTC, so the first 19 characters are the whole seconds.)
      const since = Date.parse(request.sinceTime.slice(0, 19) + 'Z');
      out = out.filter((e) => Date.parse(e.slice(0, 19) + 'Z') >= since);
    }
    if (request.tailLines !== undefined) out = out.slice(Math.max(0, out.length - request.tailLines));
    return out;
  }
}

/** `n` timestamps from `start`, `stepNs` nanoseconds apart, in the kubelet's fixed nine-digit form. */
export function timestamps(n: number, start = Date.UTC(2026, 0, 2, 3, 4, 5), stepNs = 250_000_000): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const totalNs = BigInt(start) * 1_000_000n + BigInt(i) * BigInt(stepNs);
    const ms = Number(totalNs / 1_000_000n);
    const nano = (totalNs % 1_000_000_000n).toString().padStart(9, '0');
    out.push(new Date(ms).toISOString().slice(0, 19) + '.' + nano + 'Z');
  }
  return out;
}
