// The one "poll until" of the tests. Polls `probe` until it returns a value (anything but undefined or false), which
// is returned; a probe that throws is retried, and on timeout the error names `what` and the last failure seen.
export interface UntilOptions {
  /** Default 20 s. */
  timeoutMs?: number;
  /** Default 25 ms. */
  intervalMs?: number;
}

export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: number | UntilOptions = {},
): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 25 } = typeof options === 'number' ? { timeoutMs: options } : options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
