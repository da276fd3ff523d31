// What a copy's progress notification says: bytes so far (of the total, when known) and the file, at most every
// 100 ms — a 50 MB copy sends thousands of chunks, and each report redraws the notification. No VS Code here.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export interface ProgressStep {
  message: string;
  /** Percent points since the last step (VS Code's progress takes increments), when the total is known. */
  increment?: number;
}

const EVERY_MS = 100;

/** Turns the copy's byte counts into throttled progress steps for `report`. */
export function progressReporter(report: (step: ProgressStep) => void, now: () => number = Date.now): (bytes: number, total: number | undefined, file: string | undefined) => void {
  let last = -Infinity;
  let percent = 0;
  return (bytes, total, file) => {
    const t = now();
    const done = total !== undefined && bytes >= total;
    if (t - last < EVERY_MS && !done) return;
    last = t;
    const amount = total !== undefined ? `${formatBytes(bytes)} of ${formatBytes(total)}` : formatBytes(bytes);
    const step: ProgressStep = { message: file ? `${amount} — ${file}` : amount };
    if (total !== undefined && total > 0) {
      const next = Math.min(100, (bytes / total) * 100);
      step.increment = next - percent;
      percent = next;
    }
    report(step);
  };
}
