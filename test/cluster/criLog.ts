// The CRI container-log line format kwok serves (the kubelet's own on-disk format):
// `<RFC3339Nano time> <stdout|stderr> F <text>`. Any other format makes kwok's log reader fail.
import { appendFileSync } from 'node:fs';

export type LogStream = 'stdout' | 'stderr';

export function criLines(text: string, stream: LogStream = 'stdout', at: Date = new Date()): string {
  return text
    .split('\n')
    .map((line) => `${at.toISOString()} ${stream} F ${line}\n`)
    .join('');
}

/** One write per call, so a following reader never sees half a line. */
export function appendCriLog(file: string, text: string, stream: LogStream = 'stdout', at: Date = new Date()): void {
  appendFileSync(file, criLines(text, stream, at));
}

/** The text of each line, as `kubectl logs` prints it (without timestamps). */
export function criTexts(content: string): string[] {
  return content
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' ').slice(3).join(' '));
}
