import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'host-port-conflict';

test('host-port-conflict: every-address and one-address claims on one hostPort slip past validation', () => {
  assertOnlyFinding(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - {containerPort: 80, hostPort: 8080}
    - name: admin
      image: admin:1
      ports:
      - {containerPort: 9000, hostPort: 8080, hostIP: 192.168.1.10}
  `, CODE, {
    path: 'spec.containers[1].ports[0].hostPort', severity: 'warning', at: [12, 38, 12, 42],
    message: 'hostPort 8080/TCP is also claimed by spec.containers[0].ports[0] on every host address, which overlaps hostIP 192.168.1.10; ' +
      'the node gets two NAT rules for one address and port, and which container receives a connection depends on their order.',
  });
});

test('host-port-conflict: 0.0.0.0 overlaps IPv4 addresses only; exact duplicates and other protocols are not this rule (Deployment)', () => {
  const text = deploymentTemplate`
    containers:
    - name: a
      image: x:1
      ports:
      - {containerPort: 1000, hostPort: 53, hostIP: 0.0.0.0}
      - {containerPort: 1001, hostPort: 53, hostIP: "fd00::1"}
      - {containerPort: 1002, hostPort: 53, protocol: UDP}
    - name: b
      image: x:1
      ports:
      - {containerPort: 2000, hostPort: 53, hostIP: 10.1.1.1}
      - {containerPort: 2001, hostPort: 53, hostIP: 0.0.0.0}
  `;
  const fs = byCode(text, CODE);
  // containers[1].ports[1] repeats containers[0].ports[0] exactly: the API server rejects that
  // (the API rules' host-port-duplicate), so its overlap with containers[1].ports[0] is not piled on.
  assert.deepEqual(fs.map((f) => f.path), ['spec.template.spec.containers[1].ports[0].hostPort']);
  assert.match(fs[0]!.message, /claimed by spec\.template\.spec\.containers\[0\]\.ports\[0\] on hostIP 0\.0\.0\.0, which overlaps hostIP 10\.1\.1\.1/);
  assert.deepEqual(byCode(text, 'host-port-duplicate').map((f) => f.path), ['spec.template.spec.containers[1].ports[1].hostPort']);
});

test('host-port-conflict: per document; init containers are never published so they do not clash here', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    initContainers: [{name: s, image: x:1, restartPolicy: Always, ports: [{containerPort: 1, hostPort: 80}]}]
    containers: [{name: a, image: x:1, ports: [{containerPort: 2, hostPort: 80, hostIP: 10.0.0.1}]}]
  `, podNamed('b')`
    containers: [{name: a, image: x:1, ports: [{containerPort: 1, hostPort: 80}, {containerPort: 2, hostPort: 80, hostIP: 10.0.0.1}]}]
  `), CODE), [[1, 'spec.containers[0].ports[1].hostPort']]);
});
