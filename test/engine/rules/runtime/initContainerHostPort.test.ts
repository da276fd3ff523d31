import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { documents, pod, podNamed, template } from '../../../support/manifests';

const CODE = 'init-container-host-port';

test('init-container-host-port: a sidecar hostPort is reserved by the scheduler but never published', () => {
  assertOnlyFinding(pod`
    initContainers:
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      ports:
      - containerPort: 9901
        hostPort: 9901
    containers:
    - {name: app, image: app:1}
  `, CODE, {
    path: 'spec.initContainers[0].ports[0].hostPort', severity: 'warning', at: [10, 16, 10, 20],
    message: 'hostPort 9901 of sidecar container "proxy" is never published: the kubelet maps host ports only for spec.containers, ' +
      'although the scheduler still reserves it on the node. Move the port to an app container or use a Service.',
  });
});

test('init-container-host-port: regular init containers too; app containers and hostNetwork pods pass (DaemonSet)', () => {
  const text = (hostNetwork: boolean) => template('DaemonSet', 'ds')`
    hostNetwork: ${hostNetwork}
    initContainers:
    - {name: setup, image: tool:1, ports: [{containerPort: 80, hostPort: 80}]}
    containers:
    - {name: app, image: app:1, ports: [{containerPort: 8080, hostPort: 8080}]}
  `;
  const f = assertOnlyFinding(text(false), CODE, { path: 'spec.template.spec.initContainers[0].ports[0].hostPort', at: [8, 75, 8, 77] });
  assert.match(f.message, /^hostPort 80 of init container "setup" is never published: the kubelet maps host ports only for spec\.containers\. /);
  assert.deepEqual(byCode(text(true), CODE), []);
});

test('init-container-host-port: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    initContainers: [{name: i, image: x:1, restartPolicy: Always, ports: [{containerPort: 1}]}]
    containers: [{name: a, image: x:1}]
  `, podNamed('b')`
    initContainers: [{name: i, image: x:1, restartPolicy: Always, ports: [{containerPort: 1, hostPort: 1}]}]
    containers: [{name: a, image: x:1}]
  `), CODE), [[1, 'spec.initContainers[0].ports[0].hostPort']]);
});
