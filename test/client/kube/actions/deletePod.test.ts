import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import { confirmationMessage, deleteChoices, deletePod, graceInputError, graceSecondsOf } from '../../../../client/src/kube/actions/deletePod';

test('offers graceful, chosen and force, naming the pod grace period', () => {
  const choices = deleteChoices({ spec: { containers: [], terminationGracePeriodSeconds: 45 } });
  assert.deepEqual(choices.map((c) => c.label), ['Delete', 'Delete with grace period…', 'Force delete']);
  assert.match(choices[0].detail, /45s/);
});

test('force sends grace period 0; graceful sends none', () => {
  assert.equal(graceSecondsOf({ kind: 'force' }), 0);
  assert.equal(graceSecondsOf({ kind: 'graceful' }), undefined);
  assert.equal(graceSecondsOf({ kind: 'grace', seconds: 5 }), 5);
});

test('the grace input accepts whole seconds only', () => {
  assert.equal(graceInputError('0'), undefined);
  assert.equal(graceInputError(' 30 '), undefined);
  assert.match(graceInputError('-1') ?? '', /whole number/);
  assert.match(graceInputError('1.5') ?? '', /whole number/);
  assert.match(graceInputError('') ?? '', /whole number/);
});

test('the confirmation names pod, namespace and consequence', () => {
  assert.equal(confirmationMessage('demo', 'web', { kind: 'graceful' }), 'Delete pod "web" in namespace "demo"?');
  assert.match(confirmationMessage('demo', 'web', { kind: 'force' }), /immediately/);
  assert.match(confirmationMessage('demo', 'web', { kind: 'grace', seconds: 3 }), /grace period of 3s/);
});

test('deletePod passes the grace period to the API', async () => {
  const calls: unknown[] = [];
  const api = { deletePod: async (...args: unknown[]) => { calls.push(args); return {}; } } as unknown as ClusterApi;
  await deletePod(api, 'demo', 'web', { kind: 'force' });
  assert.deepEqual(calls, [['demo', 'web', { gracePeriodSeconds: 0 }]]);
});
