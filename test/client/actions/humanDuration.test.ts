import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from '../../../client/src/kube/actions/humanDuration';

test('formats like kubectl ages', () => {
  const s = 1000;
  const cases: [number, string][] = [
    [-5 * s, '<invalid>'], [-500, '0s'], [0, '0s'], [119 * s, '119s'], [120 * s, '2m'], [125 * s, '2m5s'],
    [10 * 60 * s, '10m'], [179 * 60 * s, '179m'], [3 * 3600 * s, '3h'], [3.5 * 3600 * s, '3h30m'], [8 * 3600 * s, '8h'],
    [47 * 3600 * s, '47h'], [48 * 3600 * s, '2d'], [51 * 3600 * s, '2d3h'], [8 * 86400 * s, '8d'],
    [2 * 365 * 86400 * s, '2y'], [(2 * 365 + 3) * 86400 * s, '2y3d'], [9 * 365 * 86400 * s, '9y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}ms`);
});
