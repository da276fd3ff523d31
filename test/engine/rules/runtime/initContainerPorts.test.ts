import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'init-container-ports';

test('init-container-ports: a regular init container with ports gets an info at its ports key', () => {
  assertOnlyFinding(pod`
    initContainers:
    - name: setup
      image: tool:1
      ports:
      - containerPort: 8080
    containers:
    - {name: app, image: app:1}
  `, CODE, {
    path: 'spec.initContainers[0].ports', severity: 'info', at: [7, 4, 7, 9],
    message: 'init container "setup" declares ports, but it exits before the app containers start and Services never route to init containers, ' +
      'so nothing reaches them; set restartPolicy: Always if it should keep running as a sidecar.',
  });
});

test('init-container-ports: sidecars, app containers and empty lists pass (Deployment template)', () => {
  assertOnlyFinding(deploymentTemplate`
    initContainers:
    - {name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{containerPort: 9901}]}
    - {name: empty, image: tool:1, ports: []}
    - {name: warm, image: tool:1, ports: [{containerPort: 7000}]}
    containers:
    - {name: app, image: app:1, ports: [{containerPort: 80}]}
  `, CODE, { path: 'spec.template.spec.initContainers[2].ports', at: [9, 36, 9, 41] });
});

test('init-container-ports: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    initContainers: [{name: i, image: x:1}]
    containers: [{name: a, image: x:1}]
  `, podNamed('b')`
    initContainers: [{name: i, image: x:1, ports: [{containerPort: 1}]}]
    containers: [{name: a, image: x:1}]
  `), CODE), [[1, 'spec.initContainers[0].ports']]);
});
