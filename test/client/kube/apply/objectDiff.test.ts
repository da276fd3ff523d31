// The apply diff's two sides and the list of changed fields: server bookkeeping is left out, every changed leaf is
// named once in Kubernetes notation, keys that contain dots are bracketed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, comparable, diffText } from '../../../../client/src/kube/apply/objectDiff';

const live = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web', uid: 'u', resourceVersion: '7', generation: 1, creationTimestamp: '2026-12-06T00:00:00Z',
    managedFields: [{ manager: 'podscope' }], labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' },
  },
  spec: { containers: [{ name: 'app', image: 'nginx:1', ports: [{ containerPort: 80 }] }] },
  status: { phase: 'Running' },
};

test('comparable leaves out status and the server\'s bookkeeping, nothing else', () => {
  assert.deepEqual(comparable(live), {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' } },
    spec: live.spec,
  });
  assert.equal(live.status.phase, 'Running', 'the input is not modified');
  assert.equal(diffText(undefined), '');
  assert.match(diffText(live), /^apiVersion: v1\nkind: Pod\nmetadata:\n {2}labels:\n/);
});

test('changedFields names each changed leaf; a list that grew is named whole; named items match by name', () => {
  const after = structuredClone(live);
  after.metadata.resourceVersion = '8';
  after.metadata.labels['app.kubernetes.io/part-of'] = 'store';
  after.spec.containers[0].image = 'nginx:2';
  after.spec.containers[0].ports.push({ containerPort: 443 });
  after.status.phase = 'Pending';
  assert.deepEqual(changedFields(live, after), [
    'metadata.labels[app.kubernetes.io/part-of]',
    'spec.containers[0].image',
    'spec.containers[0].ports',
  ]);
  assert.deepEqual(changedFields(live, structuredClone(live)), []);
  const reordered = structuredClone(live);
  reordered.spec.containers = [{ name: 'sidecar', image: 'envoy', ports: [] }, { ...live.spec.containers[0], image: 'nginx:3' }];
  assert.deepEqual(changedFields(live, reordered), ['spec.containers[0]', 'spec.containers[1].image'], 'the added item, and the moved one compared with itself');
});
