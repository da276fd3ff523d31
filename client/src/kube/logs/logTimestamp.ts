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
 * splitTimedLine with a cache of the last second: consecutive lines almost always fall in the same second (with the
 * same zone), so only their fraction digits need reading. Parsing the whole timestamp (a regular expression and
 * Date.UTC) was the costliest step on the hot path.
 */
export class TimedLineParser {
  /** `YYYY-MM-DDTHH:MM:SS` of the last parsed timestamp, and what follows its fraction (`Z`, `+02:00`). */
  private secondPrefix = '';
  private zone = '';
  private sec = 0;

  parse(line: string): TimedLine {
    const space = line.indexOf(' ');
    if (space > SECOND_PREFIX_LENGTH && this.secondPrefix !== '' && line.startsWith(this.secondPrefix)) {
      const time = this.sameSecond(line, space);
      if (time) return { ts: line.slice(0, space), time, text: line.slice(space + 1) };
    }
    const parsed = splitTimedLine(line);
    if (parsed.time) this.remember(parsed.ts, parsed.time);
    return parsed;
  }

  /** The time of a timestamp that shares the cached second and zone; undefined sends it down the full parse. */
  private sameSecond(line: string, end: number): LogTime | undefined {
    let i = SECOND_PREFIX_LENGTH;
    let nano = 0;
    let digits = 0;
    if (line.charCodeAt(i) === 46 /* . */) {
      for (i++; i < end && digits < 9; i++, digits++) {
        const d = line.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        nano = nano * 10 + d;
      }
      if (digits === 0) return undefined;
      nano *= 10 ** (9 - digits);
    }
    if (end - i !== this.zone.length || !line.startsWith(this.zone, i)) return undefined;
    return { sec: this.sec, nano };
  }

  private remember(ts: string, time: LogTime): void {
    const fraction = ts.charCodeAt(SECOND_PREFIX_LENGTH) === 46 ? ts.slice(SECOND_PREFIX_LENGTH + 1).search(/\D/) + 1 : 0;
    this.secondPrefix = ts.slice(0, SECOND_PREFIX_LENGTH);
    this.zone = ts.slice(SECOND_PREFIX_LENGTH + fraction);
    this.sec = time.sec;
  }
}

const SECOND_PREFIX_LENGTH = 'YYYY-MM-DDTHH:MM:SS'.length;
