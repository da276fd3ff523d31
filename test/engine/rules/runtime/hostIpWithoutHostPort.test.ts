import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'host-ip-without-host-port';

test('host-ip-without-host-port: the API server warning, with the port printed as Go does', () => {
  assertOnlyFinding(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - name: http
        containerPort: 80
        hostIP: 10.0.0.5
  `, CODE, {
    path: 'spec.containers[0].ports[0]', severity: 'warning', at: [10, 14, 10, 22],
    message: 'hostIP set without hostPort: {Name:http HostPort:0 ContainerPort:80 Protocol:TCP HostIP:10.0.0.5}; ' +
      'hostIP only applies to a published hostPort, so it is ignored.',
  });
});

test('host-ip-without-host-port: a Deployment template; a hostPort (or hostNetwork defaulting on a Pod) silences it', () => {
  const f = assertOnlyFinding(deploymentTemplate`
    hostNetwork: true
    containers:
    - {name: a, image: x:1, ports: [{containerPort: 80, hostIP: 10.0.0.5, protocol: UDP}, {containerPort: 81, hostPort: 81, hostIP: 10.0.0.5}]}
  `, CODE, { path: 'spec.template.spec.containers[0].ports[0]', at: [8, 66, 8, 74] });
  assert.match(f.message, /^hostIP set without hostPort: \{Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10\.0\.0\.5\}/);
  assert.deepEqual(byCode(pod`
    hostNetwork: true
    containers: [{name: a, image: x:1, ports: [{containerPort: 80, hostIP: 10.0.0.5}]}]
  `, CODE), []);
});

test('host-ip-without-host-port: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    containers: [{name: a, image: x:1, ports: [{containerPort: 80}]}]
  `, podNamed('b')`
    containers: [{name: a, image: x:1, ports: [{containerPort: 80, hostIP: "::1"}]}]
  `), CODE), [[1, 'spec.containers[0].ports[0]']]);
});
