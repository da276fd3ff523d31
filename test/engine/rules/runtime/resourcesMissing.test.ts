import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

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
  const f = assertOnlyFinding(deploymentTemplate`
    initContainers:
    - {name: init, image: tool:1}
    containers:
    - {name: app, image: app:1, resources: {limits: {memory: 128Mi}}}
    ephemeralContainers:
    - {name: debug, image: busybox:1.36}
  `, CODE, { path: 'spec.template.spec.initContainers[0].resources', at: [7, 15, 7, 19] });
  assert.match(f.message, /^init container "init" sets no/);
});

test('resources-missing: pod-level resources cover every container; per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('pod-level')`
    resources: {limits: {cpu: "1", memory: 1Gi}}
    containers: [{name: a, image: x:1}]
  `, podNamed('none')`
    containers: [{name: a, image: x:1}]
  `), CODE), [[1, 'spec.containers[0].resources']]);
});
