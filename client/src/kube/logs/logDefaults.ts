// The podscope.logs.* settings as the log commands use them, and parsing of the `since` durations people type
// (kubectl's --since form: 30s, 5m, 1h30m).

export interface LogDefaults {
  follow: boolean;
  timestamps: boolean;
  /** undefined = the whole log. */
  tailLines: number | undefined;
  /** undefined = no time limit. */
  sinceSeconds: number | undefined;
  maxLines: number;
  /** Most log streams a workload view opens at once (kubectl's --max-log-requests). */
  maxLogRequests: number;
}

export interface RawLogSettings {
  follow?: unknown;
  timestamps?: unknown;
  tailLines?: unknown;
  since?: unknown;
  maxLines?: unknown;
  maxLogRequests?: unknown;
}

export const DEFAULT_MAX_LINES = 100_000;
/** kubectl's default for --max-log-requests. */
export const DEFAULT_MAX_LOG_REQUESTS = 5;
const MIN_MAX_LINES = 1_000;

export function logDefaults(raw: RawLogSettings): LogDefaults {
  const tail = typeof raw.tailLines === 'number' && Number.isInteger(raw.tailLines) && raw.tailLines > 0 ? raw.tailLines : undefined;
  const max = typeof raw.maxLines === 'number' && Number.isFinite(raw.maxLines) ? Math.max(MIN_MAX_LINES, Math.floor(raw.maxLines)) : DEFAULT_MAX_LINES;
  return {
    follow: raw.follow !== false,
    timestamps: raw.timestamps === true,
    tailLines: tail,
    sinceSeconds: typeof raw.since === 'string' ? parseDuration(raw.since) : undefined,
    maxLines: max,
    maxLogRequests: typeof raw.maxLogRequests === 'number' && Number.isInteger(raw.maxLogRequests) && raw.maxLogRequests > 0 ? raw.maxLogRequests : DEFAULT_MAX_LOG_REQUESTS,
  };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `1h30m` → 5400; undefined for '' or anything malformed (the input box reports it via durationError). */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+[smhd])+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+)([smhd])/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return total > 0 ? total : undefined;
}

export function durationError(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  return parseDuration(text) === undefined ? 'Use a duration like 30s, 5m, 2h or 1h30m' : undefined;
}

export function tailError(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d{1,9}$/.test(t) && Number(t) > 0 ? undefined : 'Enter a number of lines greater than 0, or leave empty for the whole log';
}
