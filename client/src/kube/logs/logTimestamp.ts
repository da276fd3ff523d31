// Timestamps the API server puts in front of each log line when asked with timestamps=true. They are RFC3339 with up
// to nine fraction digits and may carry a zone offset (the kubelet keeps the runtime's zone), so they are compared as
// numbers, never as strings: "…:05.5Z" sorts after "…:05.123456789Z" as text but is earlier in time.

/** A point in time with nanosecond precision: whole seconds since the epoch plus nanoseconds. */
export interface LogTime {
  sec: number;
  nano: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

export function parseLogTime(text: string): LogTime | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  if (Number.isNaN(ms)) return undefined;
  const offsetMin = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]);
  const nano = m[7] ? +m[7].padEnd(9, '0') : 0;
  return { sec: ms / 1000 - offsetMin * 60, nano };
}

export function compareLogTime(a: LogTime, b: LogTime): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nano - b.nano;
}

/** One line as the server sent it with timestamps=true: `<RFC3339> <text>`. */
export interface TimedLine {
  /** The timestamp exactly as the server wrote it ('' when the line had none). */
  ts: string;
  /** undefined when the line did not start with a timestamp (the server always sends one; a proxy might not). */
  time: LogTime | undefined;
  /** The container's own output, without the timestamp and without the line break. */
  text: string;
}

export function splitTimedLine(line: string): TimedLine {
  const space = line.indexOf(' ');
  const ts = space > 0 ? line.slice(0, space) : line;
  const time = parseLogTime(ts);
  if (!time) return { ts: '', time: undefined, text: line };
  return { ts, time, text: space > 0 ? line.slice(space + 1) : '' };
}

/**
 * splitTimedLine with a one-entry cache: consecutive lines very often share a timestamp text, and parsing it is the
 * costliest step on the hot path.
 */
export class TimedLineParser {
  private lastTs = '';
  private lastTime: LogTime | undefined;

  parse(line: string): TimedLine {
    const space = line.indexOf(' ');
    if (space > 0 && this.lastTime && line.startsWith(this.lastTs) && space === this.lastTs.length) {
      return { ts: this.lastTs, time: this.lastTime, text: line.slice(space + 1) };
    }
    const parsed = splitTimedLine(line);
    if (parsed.time) {
      this.lastTs = parsed.ts;
      this.lastTime = parsed.time;
    }
    return parsed;
  }
}
