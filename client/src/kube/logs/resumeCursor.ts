// Where a log stream got to, so a dropped stream can be reopened without losing or repeating a line.
//
// The API server forwards sinceTime to the kubelet truncated to whole seconds, so a resumed stream starts at or before
// the last line we saw. We remember that line's timestamp and how many lines carried exactly that timestamp; on replay
// everything older is dropped, then that many lines at the same timestamp, and the first line after them is new.
// This assumes a container's timestamps never go backwards, which is how the runtime stamps its log file.
//
// A stream opened with tailLines may start in the middle of a timestamp's lines (kwok stamps a container's first lines
// alike; a runtime can stamp a burst to the same nanosecond): the replay then brings lines at that timestamp we never
// saw, before the ones we did, so counting would skip too few and repeat lines. For that first, cut group the cursor
// keeps the texts it saw and skips the replay's lines at that timestamp until each of them came back once — exact
// unless the same text repeats at the same instant across the cut, which the server gives no way to tell apart.
import { compareLogTime, type LogTime, type TimedLine } from './logTimestamp';

export class ResumeCursor {
  private lastTs = '';
  private lastTime: LogTime | undefined;
  private seenAtLast = 0;
  private replaying = false;
  private toSkipAtLast = 0;
  /** The texts seen at the last timestamp, while its group may lack its first lines (see above); else undefined. */
  private textsAtLast: string[] | undefined;
  /** Of those, how many of each text the replay has still to bring back. */
  private textsToSkip = new Map<string, number>();

  /** `startsCut`: the first request asks for a tail, so its first timestamp's group may start part-way. */
  constructor(private readonly startsCut = false) {}

  /** The timestamp to resume from, or undefined when no timestamped line has been seen yet. */
  get sinceTime(): string | undefined {
    return this.lastTime ? this.lastTs : undefined;
  }

  /** Call before reading a reopened stream: lines up to the remembered position are replays. */
  beginReplay(): void {
    this.replaying = this.lastTime !== undefined;
    this.toSkipAtLast = this.seenAtLast;
    this.textsToSkip = new Map();
    for (const t of this.textsAtLast ?? []) this.textsToSkip.set(t, (this.textsToSkip.get(t) ?? 0) + 1);
  }

  /** True when `line` is new (and records it); false when it is a replay of a line already delivered. */
  admit(line: TimedLine): boolean {
    if (this.replaying && this.isReplay(line)) return false;
    this.replaying = false;
    this.record(line);
    return true;
  }

  private isReplay(line: TimedLine): boolean {
    // An unstamped line cannot be placed; letting it through is better than silently losing it.
    if (!line.time || !this.lastTime) return false;
    const order = compareLogTime(line.time, this.lastTime);
    if (order < 0) return true;
    if (order !== 0 || this.toSkipAtLast === 0) return false;
    if (this.textsAtLast) {
      // A line of the cut group we did not see (it came before the tail) is skipped too, without counting.
      const left = this.textsToSkip.get(line.text) ?? 0;
      if (left === 0) return true;
      this.textsToSkip.set(line.text, left - 1);
    }
    this.toSkipAtLast--;
    return true;
  }

  private record(line: TimedLine): void {
    if (!line.time) return;
    // Equal text is the common case (many lines per timestamp tick) and needs no parsing compare.
    const order = !this.lastTime ? 1 : line.ts === this.lastTs ? 0 : compareLogTime(line.time, this.lastTime);
    if (order > 0) {
      // Only the very first group can be cut: any later one starts after a line we saw, and replays whole.
      this.textsAtLast = !this.lastTime && this.startsCut ? [line.text] : undefined;
      this.lastTs = line.ts;
      this.lastTime = line.time;
      this.seenAtLast = 1;
    } else if (order === 0) {
      this.seenAtLast++;
      this.textsAtLast?.push(line.text);
    }
    // order < 0: a line stamped earlier than one already seen; the position only moves forward.
  }
}
