import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'init-container-ports';

test('init-container-ports: a regular init container with ports gets an info at its ports key', () => {
  const fs = byCode(pod`
    initContainers:
    - name: setup
      image: tool:1
      ports:
      - containerPort: 8080
    containers:
    - {name: app, image: app:1}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.initContainers[0].ports',
    severity: 'info',
    message: 'init container "setup" declares ports, but it exits before the app containers start and Services never route to init containers, ' +
      'so nothing reaches them; set restartPolicy: Always if it should keep running as a sidecar.',
    at: [7, 4, 7, 9],
  });
});

test('init-container-ports: sidecars, app containers and empty lists pass (Deployment template)', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          initContainers:
          - {name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{containerPort: 9901}]}
          - {name: empty, image: tool:1, ports: []}
          - {name: warm, image: tool:1, ports: [{containerPort: 7000}]}
          containers:
          - {name: app, image: app:1, ports: [{containerPort: 80}]}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { path: 'spec.template.spec.initContainers[2].ports', at: [9, 36, 9, 41] });
});

test('init-container-ports: per document', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      initContainers: [{name: i, image: x:1}]
      containers: [{name: a, image: x:1}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b}
    spec:
      initContainers: [{name: i, image: x:1, ports: [{containerPort: 1}]}]
      containers: [{name: a, image: x:1}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.initContainers[0].ports']]);
});
