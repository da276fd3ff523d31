import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'host-ip-without-host-port';

test('host-ip-without-host-port: the API server warning, with the port printed as Go does', () => {
  const fs = byCode(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - name: http
        containerPort: 80
        hostIP: 10.0.0.5
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.containers[0].ports[0]',
    severity: 'warning',
    message: 'hostIP set without hostPort: {Name:http HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.5}; ' +
      'hostIP only applies to a published hostPort, so it is ignored.',
    at: [10, 14, 10, 22],
  });
});

test('host-ip-without-host-port: a Deployment template; a hostPort (or hostNetwork defaulting on a Pod) silences it', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          hostNetwork: true
          containers:
          - {name: a, image: x:1, ports: [{containerPort: 80, hostIP: 10.0.0.5, protocol: UDP}, {containerPort: 81, hostPort: 81, hostIP: 10.0.0.5}]}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { path: 'spec.template.spec.containers[0].ports[0]', at: [8, 66, 8, 74] });
  assert.match(fs[0]!.message, /^hostIP set without hostPort: \{Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10\.0\.0\.5\}/);
  assert.deepEqual(byCode(pod`
    hostNetwork: true
    containers: [{name: a, image: x:1, ports: [{containerPort: 80, hostIP: 10.0.0.5}]}]
  `, CODE), []);
});

test('host-ip-without-host-port: per document', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers: [{name: a, image: x:1, ports: [{containerPort: 80}]}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b}
    spec:
      containers: [{name: a, image: x:1, ports: [{containerPort: 80, hostIP: "::1"}]}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.containers[0].ports[0]']]);
});
