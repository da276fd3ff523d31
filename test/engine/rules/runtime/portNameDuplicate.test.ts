import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'port-name-duplicate';

test('port-name-duplicate: two app containers reuse a name; API wording plus where it really resolves', () => {
  assertOnlyFinding(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - {name: http, containerPort: 80}
    - name: admin
      image: admin:1
      ports:
      - {name: http, containerPort: 9000}
  `, CODE, {
    path: 'spec.containers[1].ports[0].name', severity: 'warning', at: [12, 13, 12, 17],
    message: 'duplicate port name "http" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]; ' +
      'in fact a Service\'s targetPort "http" resolves to spec.containers[0].ports[0] (port 80) and each probe resolves the name against its own container\'s ports, ' +
      'so give the ports distinct names.',
  });
});

test('port-name-duplicate: a sidecar listed first is not what a Service picks (Deployment template)', () => {
  const f = assertOnlyFinding(deploymentTemplate`
    initContainers:
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      ports: [{name: metrics, containerPort: 15090}]
    containers:
    - name: app
      image: app:1
      ports: [{name: metrics, containerPort: 9090}]
  `, CODE, { path: 'spec.template.spec.containers[0].ports[0].name', severity: 'warning', at: [14, 23, 14, 30] });
  assert.match(f.message, /will use spec\.template\.spec\.initContainers\[0\]\.ports\[0\]; in fact a Service's targetPort "metrics" resolves to spec\.template\.spec\.containers\[0\]\.ports\[0\] \(port 9090\)/);
});

test('port-name-duplicate: a regular init container is harmless (info); a repeat inside one container is left to the API rules', () => {
  assertOnlyFinding(pod`
    initContainers:
    - {name: setup, image: tool:1, ports: [{name: http, containerPort: 8000}]}
    containers:
    - {name: app, image: app:1, ports: [{name: http, containerPort: 80}]}
    - {name: twice, image: app:1, ports: [{name: web, containerPort: 81}, {name: web, containerPort: 82}]}
  `, CODE, {
    path: 'spec.containers[0].ports[0].name',
    severity: 'info',
    message: 'duplicate port name "http" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0] ' +
      '(harmless here: Services never select ports of init container "setup", and each probe uses its own container\'s ports).',
  });
});

test('port-name-duplicate: unique names pass; findings carry their document index', () => {
  assert.deepEqual(perDocument(documents(podNamed('unique')`
    containers:
    - {name: a, image: x:1, ports: [{name: http, containerPort: 80}]}
    - {name: b, image: x:1, ports: [{name: grpc, containerPort: 81}, {containerPort: 82}]}
  `, podNamed('dup')`
    containers:
    - {name: a, image: x:1, ports: [{name: http, containerPort: 80}]}
    - {name: b, image: x:1, ports: [{name: http, containerPort: 81}]}
  `), CODE), [[1, 'spec.containers[1].ports[0].name']]);
});
