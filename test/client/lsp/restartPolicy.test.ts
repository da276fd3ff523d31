import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPolicy } from '../../../client/src/lsp/restartPolicy';

describe('RestartPolicy', () => {
  it('restarts a few crashes within the window, then stops', () => {
    const policy = new RestartPolicy(3, 60_000, 10);
    assert.deepEqual([0, 1000, 2000, 3000].map((t) => policy.crashed(t)), [true, true, true, false]);
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy(2, 60_000, 10);
    assert.deepEqual([0, 1000, 62_000, 63_000].map((t) => policy.crashed(t)), [true, true, true, true]);
    assert.equal(policy.crashed(64_000), false);
  });

  it('never restarts forever, however spread out the crashes are', () => {
    const policy = new RestartPolicy(3, 60_000, 5);
    const decisions = Array.from({ length: 7 }, (_, i) => policy.crashed(i * 3_600_000));
    assert.deepEqual(decisions, [true, true, true, true, true, false, false]);
  });
});
