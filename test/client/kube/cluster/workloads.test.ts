import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiResponse } from '../../../../client/src/kube/cluster/apiRequest';
import { newestOwnedBy, ownerWorkload, selectorString, templateContainers, type Workload } from '../../../../client/src/kube/cluster/workloads';

/** A fake API server holding objects by path; anything else is a 404 Status, as the API server answers. */
function fakeApi(objects: Record<string, object>) {
  const asked: string[] = [];
  return {
    asked,
    request: async (path: string): Promise<ApiResponse> => {
      asked.push(path);
      const obj = objects[path];
      if (obj) return { status: 200, body: JSON.stringify(obj), warnings: [] };
      const name = path.split('/').pop();
      return { status: 404, body: JSON.stringify({ kind: 'Status', code: 404, message: `"${name}" not found` }), warnings: [] };
    },
  };
}

const ctl = (kind: string, name: string, uid = `uid-${name}`) => ({ ownerReferences: [{ kind, name, uid, controller: true }] });

test('selectors in label-selector syntax, as kubectl -l takes them', () => {
  assert.equal(selectorString({ matchLabels: { app: 'web', tier: 'front' } }), 'app=web,tier=front');
  assert.equal(
    selectorString({ matchExpressions: [
      { key: 'env', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'NotIn', values: ['c'] },
      { key: 'has', operator: 'Exists' }, { key: 'not', operator: 'DoesNotExist' },
    ] }),
    'env in (a,b),x notin (c),has,!not',
  );
  assert.throws(() => selectorString({}), /spec\.selector: the workload selects no pods/);
  assert.throws(() => selectorString({ matchExpressions: [{ key: 'k', operator: 'Gt' }] }), /unsupported operator "Gt"/);
});

test('owner chain: pod → ReplicaSet → Deployment, pod → Job → CronJob, and where it stops', async () => {
  const api = fakeApi({
    '/apis/apps/v1/namespaces/ns/replicasets/web-5f6': { metadata: { name: 'web-5f6', namespace: 'ns', ...ctl('Deployment', 'web') } },
    '/apis/apps/v1/namespaces/ns/deployments/web': { metadata: { name: 'web', namespace: 'ns' }, spec: { selector: { matchLabels: { app: 'web' } } } },
    '/apis/batch/v1/namespaces/ns/jobs/nightly-29': { metadata: { name: 'nightly-29', namespace: 'ns', ...ctl('CronJob', 'nightly') } },
    '/apis/batch/v1/namespaces/ns/cronjobs/nightly': { metadata: { name: 'nightly', namespace: 'ns' } },
    '/apis/apps/v1/namespaces/ns/replicasets/orphan-1': { metadata: { name: 'orphan-1', namespace: 'ns', ...ctl('Deployment', 'gone') } },
    '/apis/apps/v1/namespaces/ns/replicasets/custom-1': { metadata: { name: 'custom-1', namespace: 'ns', ...ctl('Rollout', 'r') } },
  });
  const top = async (meta: object) => { const w = await ownerWorkload(api, 'ns', meta); return w && `${w.kind}/${w.metadata.name}`; };
  assert.equal(await top(ctl('ReplicaSet', 'web-5f6')), 'Deployment/web');
  assert.equal(await top(ctl('Job', 'nightly-29')), 'CronJob/nightly');
  assert.equal(await top(ctl('ReplicaSet', 'orphan-1')), 'ReplicaSet/orphan-1', 'a deleted Deployment: the ReplicaSet still has the pods');
  assert.equal(await top(ctl('ReplicaSet', 'custom-1')), 'ReplicaSet/custom-1', 'an owner of another kind ends the chain');
  assert.equal(await top({ ownerReferences: [{ kind: 'Node', name: 'n1', controller: true }] }), undefined, 'a static pod');
  assert.equal(await top({}), undefined, 'a bare pod');
  await assert.rejects(ownerWorkload(api, 'ns', ctl('StatefulSet', 'missing')), /"missing" not found/, 'a missing direct owner is an error');
});

test("a CronJob's latest Job is the newest it controls", () => {
  const job = (name: string, created: string, ownerUid: string): Workload => ({
    kind: 'Job', metadata: { name, namespace: 'ns', creationTimestamp: created, ...ctl('CronJob', 'c', ownerUid) },
  });
  const jobs = [job('c-1', '2026-12-01T00:00:00Z', 'u1'), job('c-3', '2026-12-03T00:00:00Z', 'u1'), job('other', '2026-12-09T00:00:00Z', 'u2'), job('c-2', '2026-12-02T00:00:00Z', 'u1')];
  assert.equal(newestOwnedBy(jobs, 'u1')?.metadata.name, 'c-3');
  assert.equal(newestOwnedBy(jobs, 'u3'), undefined);
});

test('the containers of a pod template, init containers first', () => {
  const w: Workload = { kind: 'Deployment', metadata: { name: 'w', namespace: 'ns' }, spec: { template: { spec: { initContainers: [{ name: 'setup' }], containers: [{ name: 'app' }, { name: 'proxy' }] } } } };
  assert.deepEqual(templateContainers(w), ['setup', 'app', 'proxy']);
});
