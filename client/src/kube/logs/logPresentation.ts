// How the log view shows lines: raw (the bytes kubectl prints) or with JSON records rendered, and which levels pass.
// A line without a level of its own (a stack trace's continuation) takes the level of the line before it from the
// same container, so an error's trace stays with the error under a filter.
import { DEFAULT_JSON_KEYS, parseJsonRecord, renderJsonRecord, type JsonLogKeys } from './jsonLogLine';
import { formatLogLine } from './logFormat';
import { LOG_LEVELS, levelOfText, passesLevel, type LogLevel } from './logLevel';
import type { TimedLine } from './logTimestamp';

export interface LogPresentation {
  json: 'pretty' | 'raw';
  /** Show this level and the more severe ones; undefined: every line. */
  minLevel: LogLevel | undefined;
  keys: JsonLogKeys;
}

export class LinePresenter {
  private lastLevel: LogLevel | undefined;

  constructor(private readonly presentation: LogPresentation) {}

  /** The text to show for a line's container output, or undefined when the level filter hides it. */
  present(text: string): string | undefined {
    const { json, minLevel, keys } = this.presentation;
    if (json === 'raw' && minLevel === undefined) return text;
    const record = parseJsonRecord(text);
    const rendered = record ? renderJsonRecord(record, keys) : undefined;
    const level = rendered ? rendered.level : levelOfText(text);
    if (level !== undefined) this.lastLevel = level;
    const effective = level ?? this.lastLevel;
    if (minLevel !== undefined && effective !== undefined && !passesLevel(effective, minLevel)) return undefined;
    return json === 'pretty' && rendered ? rendered.text : text;
  }

  /** The view's line for `line`: presented, then timestamped and prefixed as kubectl prints it; undefined when hidden. */
  line(line: TimedLine, timestamps: boolean, prefix = ''): string | undefined {
    const text = this.present(line.text);
    return text === undefined ? undefined : formatLogLine(line, timestamps, prefix, text);
  }
}

export interface RawPresentationSettings {
  render?: unknown;
  level?: unknown;
  message?: unknown;
  levelKeys?: unknown;
  time?: unknown;
  fields?: unknown;
}

/** The podscope.logs.render/level/json* settings, with anything malformed replaced by its default. */
export function logPresentation(raw: RawPresentationSettings): LogPresentation {
  const keys = (value: unknown, fallback: readonly string[]) =>
    Array.isArray(value) && value.every((k) => typeof k === 'string') ? (value as string[]) : fallback;
  return {
    json: raw.render === 'raw' ? 'raw' : 'pretty',
    minLevel: LOG_LEVELS.find((l) => l === raw.level),
    keys: {
      message: keys(raw.message, DEFAULT_JSON_KEYS.message),
      level: keys(raw.levelKeys, DEFAULT_JSON_KEYS.level),
      time: keys(raw.time, DEFAULT_JSON_KEYS.time),
      fields: keys(raw.fields, DEFAULT_JSON_KEYS.fields),
    },
  };
}
