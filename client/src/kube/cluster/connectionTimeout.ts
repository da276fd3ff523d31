// Bounds a cluster request in time: an unreachable or silent server must become an error, never an endless spinner.

export const DEFAULT_TIMEOUT_MS = 15_000;

export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(readonly what: string, readonly timeoutMs: number) {
    super(`Timed out after ${formatSeconds(timeoutMs)} ${what}: the cluster did not answer.`);
  }
}

/**
 * Runs `run` with a signal that aborts after `timeoutMs`, and rejects with RequestTimeoutError at that moment even if
 * the underlying request ignores the signal.
 */
export function withTimeout<T>(timeoutMs: number | undefined, what: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ms = timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const err = new RequestTimeoutError(what, ms);
      controller.abort(err);
      reject(err);
    }, ms);
    run(controller.signal).then(
      (value) => { clearTimeout(timer); resolve(value); },
      (err: unknown) => { clearTimeout(timer); reject(err); },
    );
  });
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
