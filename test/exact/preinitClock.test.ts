// A pre-initialised module's monotonic clock starts past every reading stored at build time, and
// nothing else of WASI changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILD_CLOCK_START_NS, rebaseMonotonicClock, RUN_CLOCK_START_NS } from '../../server/src/exact/preinitClock';

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;

function clockOf(start: bigint) {
  const memory = { buffer: new ArrayBuffer(64) };
  const realtimeCalls: number[] = [];
  const imports = {
    clock_time_get: (id: number, _precision: bigint, ptr: number) => {
      realtimeCalls.push(id);
      new DataView(memory.buffer).setBigUint64(ptr, 42n, true);
      return 0;
    },
    fd_write: () => 0,
  };
  const rebased = rebaseMonotonicClock(imports as never, () => memory, start) as unknown as typeof imports;
  const read = (id: number) => {
    assert.equal(rebased.clock_time_get(id, 1n, 8), 0);
    return new DataView(memory.buffer).getBigUint64(8, true);
  };
  return { rebased, read, realtimeCalls, imports };
}

test('the run-time clock starts at an hour and moves forward; the build-time one starts at zero', async () => {
  const run = clockOf(RUN_CLOCK_START_NS);
  const first = run.read(CLOCK_MONOTONIC);
  assert.ok(first >= RUN_CLOCK_START_NS && first < RUN_CLOCK_START_NS + 1_000_000_000n, String(first));
  await new Promise((r) => setTimeout(r, 20));
  const second = run.read(CLOCK_MONOTONIC);
  assert.ok(second - first >= 15_000_000n, `advanced ${second - first} ns in 20 ms`);
  const build = clockOf(BUILD_CLOCK_START_NS).read(CLOCK_MONOTONIC);
  assert.ok(build < 1_000_000_000n, String(build));
  assert.ok(RUN_CLOCK_START_NS > 600_000_000_000n, 'a build-time init would have to run ten minutes to reach the run-time start');
});

test('the wall clock and the other imports are the host\'s own', () => {
  const run = clockOf(RUN_CLOCK_START_NS);
  assert.equal(run.read(CLOCK_REALTIME), 42n);
  assert.deepEqual(run.realtimeCalls, [CLOCK_REALTIME]);
  assert.equal(run.rebased.fd_write, run.imports.fd_write);
});
