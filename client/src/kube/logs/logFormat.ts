// How a log line is written into the view: the same bytes `kubectl logs` prints for the same options.
import type { TimedLine } from './logTimestamp';

/** kubectl's --prefix form, so a saved multi-container log reads the same as kubectl's. */
export function containerPrefix(pod: string, container: string): string {
  return `[pod/${pod}/${container}] `;
}

/** `text`: the container output as the view presents it (a rendered JSON record), by default the line's own. */
export function formatLogLine(line: TimedLine, showTimestamps: boolean, prefix = '', text = line.text): string {
  return showTimestamps && line.ts !== '' ? `${prefix}${line.ts} ${text}` : `${prefix}${text}`;
}
