// Where a log stream got to, so a dropped stream can be reopened without losing or repeating a line.
//
// The API server forwards sinceTime to the kubelet truncated to whole seconds, so a resumed stream starts at or before
// the last line we saw. We remember that line's timestamp and how many lines carried exactly that timestamp; on replay
// everything older is dropped, then that many lines at the same timestamp, and the first line after them is new.
// This assumes a container's timestamps never go backwards, which is how the runtime stamps its log file.
import { compareLogTime, type LogTime, type TimedLine } from './logTimestamp';

export class ResumeCursor {
  private lastTs = '';
  private lastTime: LogTime | undefined;
  private seenAtLast = 0;
  private replaying = false;
  private toSkipAtLast = 0;

  /** The timestamp to resume from, or undefined when no timestamped line has been seen yet. */
  get sinceTime(): string | undefined {
    return this.lastTime ? this.lastTs : undefined;
  }

  /** Call before reading a reopened stream: lines up to the remembered position are replays. */
  beginReplay(): void {
    this.replaying = this.lastTime !== undefined;
    this.toSkipAtLast = this.seenAtLast;
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
    if (order === 0 && this.toSkipAtLast > 0) {
      this.toSkipAtLast--;
      return true;
    }
    return false;
  }

  private record(line: TimedLine): void {
    if (!line.time) return;
    // Equal text is the common case (many lines per timestamp tick) and needs no parsing compare.
    const order = !this.lastTime ? 1 : line.ts === this.lastTs ? 0 : compareLogTime(line.time, this.lastTime);
    if (order > 0) {
      this.lastTs = line.ts;
      this.lastTime = line.time;
      this.seenAtLast = 1;
    } else if (order === 0) {
      this.seenAtLast++;
    }
    // order < 0: a line stamped earlier than one already seen; the position only moves forward.
  }
}
