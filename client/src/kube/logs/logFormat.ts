// How a log line is written into the view: the same bytes `kubectl logs` prints for the same options.
import type { TimedLine } from './logTimestamp';

/** kubectl's --prefix form, so a saved multi-container log reads the same as kubectl's. */
export function containerPrefix(pod: string, container: string): string {
  return `[pod/${pod}/${container}] `;
}

export function formatLogLine(line: TimedLine, showTimestamps: boolean, prefix = ''): string {
  return showTimestamps && line.ts !== '' ? `${prefix}${line.ts} ${line.text}` : `${prefix}${line.text}`;
}
