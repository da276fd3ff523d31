// The monotonic clock a pre-initialised module sees. scripts/preinit-wasm.ts runs the Go packages'
// init once at build time and stores the resulting memory in the module, Go's runtime clock
// readings included; a later run (a machine booted a minute ago) must never read a monotonic time
// earlier than those, or the runtime's timers and GC pacing see time run backwards. So the build
// runs init on a clock that starts at 0, and every later run on one that starts at an hour.
import type { WASI } from 'node:wasi';

const CLOCK_MONOTONIC = 1;
const ERRNO_SUCCESS = 0;
export const BUILD_CLOCK_START_NS = 0n;
export const RUN_CLOCK_START_NS = 3_600_000_000_000n;

type ClockTimeGet = (id: number, precision: bigint, resultPtr: number) => number;

/**
 * Rebases WASI's monotonic clock on `startNs` from the moment this is called; `memory` is read
 * lazily, since the instance that owns it is created after the imports.
 */
export function rebaseMonotonicClock(imports: WASI['wasiImport'], memory: () => { buffer: ArrayBuffer }, startNs: bigint): WASI['wasiImport'] {
  const original = (imports as Record<string, unknown>).clock_time_get as ClockTimeGet;
  const origin = process.hrtime.bigint();
  const clockTimeGet: ClockTimeGet = (id, precision, resultPtr) => {
    if (id !== CLOCK_MONOTONIC) return original(id, precision, resultPtr);
    new DataView(memory().buffer).setBigUint64(resultPtr, startNs + (process.hrtime.bigint() - origin), true);
    return ERRNO_SUCCESS;
  };
  return { ...imports, clock_time_get: clockTimeGet } as WASI['wasiImport'];
}
