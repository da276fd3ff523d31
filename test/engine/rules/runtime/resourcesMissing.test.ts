import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'resources-missing';

test('resources-missing: one info per container without requests or limits, at its name', () => {
  const fs = byCode(pod`
    containers:
    - name: app
      image: app:1
    - name: sized
      image: app:1
      resources: {requests: {cpu: 100m}}
    - name: empty
      image: app:1
      resources: {requests: {}, limits: {}}
  `, CODE);
  assert.deepEqual(fs.map((f) => f.path), ['spec.containers[0].resources', 'spec.containers[2].resources']);
  assertFinding(fs[0], {
    severity: 'info',
    message: 'container "app" sets no resources.requests or resources.limits: the scheduler reserves nothing for it, it may use all of the node\'s CPU and memory, ' +
      'and a pod without any is BestEffort, the first evicted under node pressure.',
    at: [5, 10, 5, 13],
  });
});

test('resources-missing: init containers count, ephemeral containers do not (Deployment template)', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          initContainers:
          - {name: init, image: tool:1}
          containers:
          - {name: app, image: app:1, resources: {limits: {memory: 128Mi}}}
          ephemeralContainers:
          - {name: debug, image: busybox:1.36}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { path: 'spec.template.spec.initContainers[0].resources', at: [7, 15, 7, 19] });
  assert.match(fs[0]!.message, /^init container "init" sets no/);
});

test('resources-missing: pod-level resources cover every container; per document', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: pod-level}
    spec:
      resources: {limits: {cpu: "1", memory: 1Gi}}
      containers: [{name: a, image: x:1}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: none}
    spec:
      containers: [{name: a, image: x:1}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.containers[0].resources']]);
});
