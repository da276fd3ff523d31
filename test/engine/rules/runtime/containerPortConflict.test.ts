import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, y } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'container-port-conflict';

test('container-port-conflict: two app containers on one port, reported at the second and naming the first', () => {
  assertOnlyFinding(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 8080
    - name: metrics
      image: exporter:2
      ports:
      - name: metrics
        containerPort: 8080
  `, CODE, {
    path: 'spec.containers[1].ports[0].containerPort', severity: 'warning', at: [13, 21, 13, 25],
    message: 'port 8080/TCP is also declared by container "web" (spec.containers[0].ports[0]); containers of a pod share one network namespace ' +
      'and these two run at the same time, so whichever binds 8080/TCP second fails with "address already in use".',
  });
});

test('container-port-conflict: a native sidecar and an app container run together (Deployment template paths)', () => {
  const f = assertOnlyFinding(deploymentTemplate`
    initContainers:
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      ports: [{containerPort: 9901}]
    containers:
    - name: app
      image: app:1
      ports: [{containerPort: 9901}]
  `, CODE, { path: 'spec.template.spec.containers[0].ports[0].containerPort', at: [14, 32, 14, 36] });
  assert.match(f.message, /sidecar container "proxy" \(spec\.template\.spec\.initContainers\[0\]\.ports\[0\]\)/);
});

test('container-port-conflict: a sidecar keeps running while a later regular init container runs', () => {
  assertOnlyFinding(pod`
    initContainers:
    - {name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{containerPort: 15000}]}
    - {name: migrate, image: tool:1, ports: [{containerPort: 15000}]}
    containers:
    - {name: app, image: app:1}
  `, CODE, { path: 'spec.initContainers[1].ports[0].containerPort', at: [6, 59, 6, 64] });
});

test('container-port-conflict: regular init containers run alone, different protocols and ports do not collide', () => {
  assert.deepEqual(byCode(pod`
    initContainers:
    - {name: setup, image: tool:1, ports: [{containerPort: 8080}]}
    - {name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{containerPort: 53, protocol: UDP}]}
    containers:
    - {name: app, image: app:1, ports: [{containerPort: 8080}, {containerPort: 53}]}
    - {name: other, image: app:1, ports: [{containerPort: 8081}]}
  `, CODE), []);
});

test('container-port-conflict: a sidecar declared after a regular init container never meets it', () => {
  assert.deepEqual(byCode(pod`
    initContainers:
    - {name: setup, image: tool:1, ports: [{containerPort: 7000}]}
    - {name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{containerPort: 7000}]}
    containers:
    - {name: app, image: app:1}
  `, CODE), []);
});

test('container-port-conflict: one finding per later declaration, in each document of a multi-document file', () => {
  const fs = byCode(documents(podNamed('clean')`
    containers: [{name: a, image: x:1, ports: [{containerPort: 80}]}]
  `, podNamed('three')`
    containers:
    - {name: a, image: x:1, ports: [{containerPort: 80}]}
    - {name: b, image: x:1, ports: [{containerPort: 80}]}
    - {name: c, image: x:1, ports: [{containerPort: 80}]}
  `), CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [
    [1, 'spec.containers[1].ports[0].containerPort'],
    [1, 'spec.containers[2].ports[0].containerPort'],
  ]);
  assert.ok(fs.every((f) => f.message.includes('(spec.containers[0].ports[0])')), 'both name the first declaration');
});

test('container-port-conflict: under hostNetwork a Pod\'s ports default to equal hostPorts, which the API server rejects itself', () => {
  const text = (kind: string) => y`
    apiVersion: ${kind === 'Pod' ? 'v1' : 'apps/v1'}
    kind: ${kind}
    metadata: {name: p}
    spec:
      ${kind === 'Pod' ? 'hostNetwork: true' : 'template: {spec: {hostNetwork: true, containers: [{name: a, image: x:1, ports: [{containerPort: 80}]}, {name: b, image: x:1, ports: [{containerPort: 80}]}]}}'}
      ${kind === 'Pod' ? 'containers: [{name: a, image: x:1, ports: [{containerPort: 80}]}, {name: b, image: x:1, ports: [{containerPort: 80}]}]' : ''}
  `;
  assert.deepEqual(byCode(text('Pod'), CODE), []);
  // Templates are not defaulted, so the API server accepts them and the run-time conflict remains.
  assert.deepEqual(byCode(text('Deployment'), CODE).map((f) => f.path), ['spec.template.spec.containers[1].ports[0].containerPort']);
});
