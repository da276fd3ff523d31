import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'init-container-host-port';

test('init-container-host-port: a sidecar hostPort is reserved by the scheduler but never published', () => {
  const fs = byCode(pod`
    initContainers:
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      ports:
      - containerPort: 9901
        hostPort: 9901
    containers:
    - {name: app, image: app:1}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.initContainers[0].ports[0].hostPort',
    severity: 'warning',
    message: 'hostPort 9901 of sidecar container "proxy" is never published: the kubelet maps host ports only for spec.containers, ' +
      'although the scheduler still reserves it on the node. Move the port to an app container or use a Service.',
    at: [10, 16, 10, 20],
  });
});

test('init-container-host-port: regular init containers too; app containers and hostNetwork pods pass (DaemonSet)', () => {
  const text = (hostNetwork: boolean) => y`
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: ds}
    spec:
      template:
        spec:
          hostNetwork: ${hostNetwork}
          initContainers:
          - {name: setup, image: tool:1, ports: [{containerPort: 80, hostPort: 80}]}
          containers:
          - {name: app, image: app:1, ports: [{containerPort: 8080, hostPort: 8080}]}
  `;
  const fs = byCode(text(false), CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { path: 'spec.template.spec.initContainers[0].ports[0].hostPort', at: [8, 75, 8, 77] });
  assert.match(fs[0]!.message, /^hostPort 80 of init container "setup" is never published: the kubelet maps host ports only for spec\.containers\. /);
  assert.deepEqual(byCode(text(true), CODE), []);
});

test('init-container-host-port: per document', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      initContainers: [{name: i, image: x:1, restartPolicy: Always, ports: [{containerPort: 1}]}]
      containers: [{name: a, image: x:1}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b}
    spec:
      initContainers: [{name: i, image: x:1, restartPolicy: Always, ports: [{containerPort: 1, hostPort: 1}]}]
      containers: [{name: a, image: x:1}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.initContainers[0].ports[0].hostPort']]);
});
