// The level of a log line, for the level filter: from a JSON record's level field, or from the level word of a plain
// line, in the same forms the log grammar (syntaxes/podscope-log.tmLanguage.json) colours.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
/** Most to least severe; a filter at one level keeps it and everything before it. */
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

const LEVEL_WORDS: Record<string, LogLevel> = {
  error: 'error', err: 'error', eror: 'error', fatal: 'error', ftl: 'error', critical: 'error', crit: 'error', panic: 'error',
  emergency: 'error', emerg: 'error', alert: 'error', e: 'error', f: 'error',
  warning: 'warn', warn: 'warn', wrn: 'warn', w: 'warn',
  info: 'info', inf: 'info', notice: 'info', i: 'info',
  debug: 'debug', dbg: 'debug', trace: 'debug', trc: 'debug', d: 'debug',
};

/** A JSON level value: a name in any case, or pino/bunyan's numbers (10 trace … 60 fatal). */
export function levelOfValue(value: unknown): LogLevel | undefined {
  if (typeof value === 'number') {
    if (value >= 50) return 'error';
    if (value >= 40) return 'warn';
    if (value >= 30) return 'info';
    return 'debug';
  }
  return typeof value === 'string' ? LEVEL_WORDS[value.trim().toLowerCase()] : undefined;
}

// klog's header (E0102 15:04:05.000000 …), a bare level word in capitals or capitalised, `level=…`, `[warn]`.
const KLOG = /^([EFWI])\d{4} \d{2}:\d{2}:\d{2}\.\d+ /;
const WORD = /\b(ERROR|ERR|EROR|FATAL|FTL|CRITICAL|CRIT|PANIC|Error|Fatal|Critical|Panic|WARNING|WARN|WRN|Warning|Warn|INFO|INF|NOTICE|Info|Notice|DEBUG|DBG|TRACE|TRC|Debug|Trace)\b|\blevel="?([A-Za-z]+)"?|\[(error|err|fatal|crit|warning|warn|info|notice|debug|trace)\]/;

export function levelOfText(text: string): LogLevel | undefined {
  const klog = KLOG.exec(text);
  if (klog) return LEVEL_WORDS[klog[1].toLowerCase()];
  const m = WORD.exec(text);
  if (!m) return undefined;
  return LEVEL_WORDS[(m[1] ?? m[2] ?? m[3]).toLowerCase()];
}

/** Whether a line of `level` shows under a filter of `min` (undefined: no filter). */
export function passesLevel(level: LogLevel, min: LogLevel | undefined): boolean {
  return min === undefined || LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(min);
}
