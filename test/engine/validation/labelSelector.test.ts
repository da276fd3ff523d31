import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLabelSelector, selectorMatches } from '../../../server/src/engine/validation/labelSelector';

function reqs(sel: Parameters<typeof parseLabelSelector>[0]) {
  const r = parseLabelSelector(sel);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.requirements;
}

test('labelSelector: matchLabels and every matchExpressions operator', () => {
  const r = reqs({
    matchLabels: { app: 'web' },
    matchExpressions: [
      { key: 'tier', operator: 'In', values: ['front', 'edge'] },
      { key: 'env', operator: 'NotIn', values: ['prod'] },
      { key: 'track', operator: 'Exists' },
      { key: 'legacy', operator: 'DoesNotExist' },
    ],
  });
  assert.equal(selectorMatches(r, { app: 'web', tier: 'edge', track: 'x' }), true);
  assert.equal(selectorMatches(r, { app: 'web', tier: 'edge', track: 'x', env: 'prod' }), false);
  assert.equal(selectorMatches(r, { app: 'web', tier: 'back', track: 'x' }), false);
  assert.equal(selectorMatches(r, { app: 'web', tier: 'edge' }), false);
  assert.equal(selectorMatches(r, { app: 'web', tier: 'edge', track: 'x', legacy: '' }), false);
  assert.equal(selectorMatches(reqs({}), {}), true, 'an empty selector selects everything');
});

test('labelSelector: what LabelSelectorAsSelector rejects', () => {
  for (const bad of [
    { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] },
    { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
    { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] },
    { matchLabels: { 'bad key': 'v' } },
    { matchLabels: { k: 'bad value!' } },
    { matchLabels: ['x'] },
  ]) assert.equal(parseLabelSelector(bad).ok, false, JSON.stringify(bad));
});
