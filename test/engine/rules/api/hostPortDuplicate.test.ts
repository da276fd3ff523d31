import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { deployment, documents, pod } from '../../../support/manifests';

test('host-port-duplicate: same protocol/hostIP/hostPort across app containers, at the second occurrence', () => {
  const fs = byCode(pod`
    containers:
    - name: a
      image: nginx
      ports:
      - {containerPort: 80, hostPort: 8080}
    - name: b
      image: nginx
      ports:
      - {containerPort: 81, hostPort: 8080, protocol: TCP}
      - {containerPort: 82, hostPort: 8080, protocol: UDP}
      - {containerPort: 83, hostPort: 8080, hostIP: 10.0.0.1}
  `, 'host-port-duplicate');
  assert.equal(fs.length, 1, 'UDP and a specific hostIP are different keys');
  assertFinding(fs[0], { path: 'spec.containers[1].ports[0].hostPort', message: 'Duplicate value: "TCP//8080"', at: [12, 36, 12, 40] });
});

test('host-port-duplicate: init containers are checked one at a time, and never against app containers', () => {
  const fs = byCode(deployment`
    initContainers:
    - {name: i, image: busybox, ports: [{containerPort: 1, hostPort: 9000}]}
    - {name: j, image: busybox, restartPolicy: Always, ports: [{containerPort: 1, hostPort: 9000}, {containerPort: 2, hostPort: 9000}]}
    containers:
    - {name: a, image: nginx, ports: [{containerPort: 1, hostPort: 9000}]}
  `, 'host-port-duplicate');
  assert.equal(fs.length, 1);
  // The API server would say initContainers[0] (it checks a one-element slice); we name the real container.
  assertFinding(fs[0], { path: 'spec.template.spec.initContainers[1].ports[1].hostPort', message: 'Duplicate value: "TCP//9000"' });
});

test('host-port-duplicate: a Pod with hostNetwork defaults hostPort to containerPort before the check', () => {
  const text = documents(pod`
    hostNetwork: true
    containers:
    - {name: a, image: nginx, ports: [{containerPort: 90}]}
    - {name: b, image: nginx, ports: [{containerPort: 90}]}
  `, y`
    apiVersion: v1
    kind: PodTemplate
    metadata: {name: t}
    template:
      spec:
        hostNetwork: true
        containers:
        - {name: a, image: nginx, ports: [{containerPort: 90}]}
        - {name: b, image: nginx, ports: [{containerPort: 90}]}
  `);
  const fs = byCode(text, 'host-port-duplicate');
  assert.equal(fs.length, 1, 'templates are not defaulted, so only the Pod conflicts');
  assertFinding(fs[0], { document: 0, path: 'spec.containers[1].ports[0].hostPort', message: 'Duplicate value: "TCP//90"', at: [7, 52, 7, 54] });
});
