// Structured (JSON) log lines as people read them: `time LEVEL message key=value …`, the way logfmt and most console
// encoders print them. Which keys hold the message, level and time differs between libraries (zap: msg/level/ts,
// logrus: msg/level/time, bunyan/pino: msg/level/time with numeric levels, GCP: message/severity, ECS: message/log.level
// /@timestamp), so each is a list of candidates, the first present wins.
import { levelOfValue, type LogLevel } from './logLevel';

export interface JsonLogKeys {
  message: readonly string[];
  level: readonly string[];
  time: readonly string[];
  /** The other keys to show, in this order; empty: all of them, in the record's order. */
  fields: readonly string[];
}

export const DEFAULT_JSON_KEYS: JsonLogKeys = {
  message: ['msg', 'message', 'MESSAGE', 'log'],
  level: ['level', 'severity', 'lvl', 'loglevel', 'log.level'],
  time: ['time', 'ts', 'timestamp', '@timestamp'],
  fields: [],
};

export type JsonRecord = Record<string, unknown>;

/** The object a line holds, or undefined for anything else (text, arrays, scalars, broken JSON). */
export function parseJsonRecord(text: string): JsonRecord | undefined {
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  if (text.charCodeAt(start) !== 123 /* { */) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord) : undefined;
  } catch {
    return undefined;
  }
}

export interface RenderedRecord {
  text: string;
  level: LogLevel | undefined;
}

export function renderJsonRecord(record: JsonRecord, keys: JsonLogKeys): RenderedRecord {
  const timeKey = keys.time.find((k) => k in record);
  const levelKey = keys.level.find((k) => k in record);
  const messageKey = keys.message.find((k) => k in record);
  const level = levelKey === undefined ? undefined : levelOfValue(record[levelKey]);
  const parts: string[] = [];
  if (timeKey !== undefined) parts.push(scalarText(record[timeKey]));
  if (levelKey !== undefined) parts.push((level ?? scalarText(record[levelKey])).toUpperCase().padEnd(5));
  if (messageKey !== undefined) parts.push(scalarText(record[messageKey]));
  const shown = new Set([timeKey, levelKey, messageKey]);
  const rest = keys.fields.length > 0 ? keys.fields.filter((k) => k in record) : Object.keys(record);
  for (const key of rest) if (!shown.has(key)) parts.push(`${key}=${fieldText(record[key])}`);
  return { text: parts.join(' '), level };
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** logfmt's quoting: bare when the value has no space, quote or `=`; nested values as compact JSON. */
function fieldText(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  return value === '' || /[\s"=]/.test(value) ? JSON.stringify(value) : value;
}
