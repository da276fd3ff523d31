// Interleaves the logs of several containers by timestamp. Streams arrive at their own pace (one container's backlog
// may land before another's), so a line is released only when no other container can still send an earlier one:
// every other container has a line waiting, has ended, or has been quiet for `quietMs` (a live follow stream that is
// quiet has nothing older to send).
// Sources may join while lines are flowing (a workload's pod that starts later): a new source counts as just heard
// from, so the others' lines wait up to `quietMs` for its backlog, which may hold lines older than theirs.
import { compareLogTime, type LogTime, type TimedLine } from './logTimestamp';

export interface SourcedLine {
  source: number;
  line: TimedLine;
}

interface Source {
  queue: TimedLine[];
  head: number;
  ended: boolean;
  lastDataAt: number;
  /** The time of the last stamped line, used to place unstamped ones right after it. */
  lastTime: LogTime;
}

const BEGINNING: LogTime = { sec: -Infinity, nano: 0 };

export class LogMerger {
  private readonly sources: Source[];

  constructor(sourceCount: number, private readonly quietMs: number, private readonly now: () => number) {
    this.sources = [];
    for (let i = 0; i < sourceCount; i++) this.add();
  }

  /** A new source, numbered after the existing ones (numbers are never reused). */
  add(): number {
    this.sources.push({ queue: [], head: 0, ended: false, lastDataAt: this.now(), lastTime: BEGINNING });
    return this.sources.length - 1;
  }

  push(source: number, lines: readonly TimedLine[]): void {
    const s = this.sources[source];
    s.lastDataAt = this.now();
    for (const line of lines) s.queue.push(line);
  }

  end(source: number): void {
    this.sources[source].ended = true;
  }

  /** The lines that can be placed now, oldest first; ties keep source order. */
  drain(): SourcedLine[] {
    const out: SourcedLine[] = [];
    const now = this.now();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || !this.safeToRelease(next, now)) break;
      out.push({ source: next, line: this.take(next) });
    }
    this.compact();
    return out;
  }

  /** Everything still queued, in time order, whether or not more could arrive (used when the view stops). */
  drainAll(): SourcedLine[] {
    for (const s of this.sources) s.ended = true;
    return this.drain();
  }

  private earliest(): number | undefined {
    let best: number | undefined;
    let bestTime: LogTime | undefined;
    this.sources.forEach((s, i) => {
      if (s.head >= s.queue.length) return;
      const t = s.queue[s.head].time ?? s.lastTime;
      if (bestTime === undefined || compareLogTime(t, bestTime) < 0) {
        best = i;
        bestTime = t;
      }
    });
    return best;
  }

  private safeToRelease(candidate: number, now: number): boolean {
    return this.sources.every((s, i) =>
      i === candidate || s.head < s.queue.length || s.ended || now - s.lastDataAt >= this.quietMs,
    );
  }

  private take(i: number): TimedLine {
    const s = this.sources[i];
    const line = s.queue[s.head++];
    if (line.time) s.lastTime = line.time;
    return line;
  }

  private compact(): void {
    for (const s of this.sources) {
      if (s.head > 0 && s.head * 2 >= s.queue.length) {
        s.queue = s.queue.slice(s.head);
        s.head = 0;
      }
    }
  }
}
