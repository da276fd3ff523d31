import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import { confirmationMessage, deleteChoices, deletePod, deletePods, graceInputError, graceSecondsOf } from '../../../../client/src/kube/actions/deletePod';

test('offers graceful, chosen and force, naming the pod grace period', () => {
  const choices = deleteChoices([{ spec: { containers: [], terminationGracePeriodSeconds: 45 } }]);
  assert.deepEqual(choices.map((c) => c.label), ['Delete', 'Delete with grace period…', 'Force delete']);
  assert.match(choices[0].detail, /the pod's grace period: 45s/);
  const mixed = deleteChoices([{ spec: { containers: [], terminationGracePeriodSeconds: 45 } }, { spec: { containers: [] } }]);
  assert.match(mixed[0].detail, /each pod its own grace period\)/);
  assert.match(deleteChoices([{}, {}])[0].detail, /the pods' grace period: 30s/);
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
  const web = [{ namespace: 'demo', name: 'web' }];
  assert.equal(confirmationMessage(web, { kind: 'graceful' }), 'Delete pod "web" in namespace "demo"?');
  assert.match(confirmationMessage(web, { kind: 'force' }), /immediately/);
  assert.match(confirmationMessage(web, { kind: 'grace', seconds: 3 }), /grace period of 3s/);
  assert.equal(
    confirmationMessage([...web, { namespace: 'jobs', name: 'j1' }], { kind: 'force' }),
    'Delete these 2 pods immediately (force: the containers may still be running when the object is gone)?\n\ndemo/web\njobs/j1',
  );
});

test('deletePod passes the grace period to the API', async () => {
  const calls: unknown[] = [];
  const api = { deletePod: async (...args: unknown[]) => { calls.push(args); return {}; } } as unknown as ClusterApi;
  await deletePod(api, 'demo', 'web', { kind: 'force' });
  assert.deepEqual(calls, [['demo', 'web', { gracePeriodSeconds: 0 }]]);
});

test('deletePods deletes every pod, and one failure does not stop the others (as kubectl delete pod a b)', async () => {
  const calls: unknown[] = [];
  const api = {
    deletePod: async (...args: unknown[]) => {
      calls.push(args);
      if (args[1] === 'gone') throw new Error('pods "gone" not found');
      return {};
    },
  } as unknown as ClusterApi;
  const pods = ['a', 'gone', 'b'].map((name) => ({ api, namespace: 'demo', name }));
  const outcome = await deletePods(pods, { kind: 'grace', seconds: 5 });
  assert.deepEqual(calls, ['a', 'gone', 'b'].map((n) => ['demo', n, { gracePeriodSeconds: 5 }]));
  assert.deepEqual(outcome.deleted.map((p) => p.name), ['a', 'b']);
  assert.deepEqual(outcome.failed.map((f) => [f.pod.name, (f.error as Error).message]), [['gone', 'pods "gone" not found']]);
});
