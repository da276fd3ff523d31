import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, lint, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'port-definition-duplicate';

test('port-definition-duplicate: an entry repeated in one container gets the API server warning', () => {
  assertOnlyFinding(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 80
      - containerPort: 80
        name: http
  `, CODE, {
    path: 'spec.containers[0].ports[1].containerPort', severity: 'warning', at: [9, 21, 9, 23],
    message: 'duplicate port definition with spec.containers[0].ports[0]; the entry repeats one already listed for this container, ' +
      'and the API server warns about it on every apply.',
  });
});

test('port-definition-duplicate: overlapping (hostPort vs none) and dangerously ambiguous (hostIP vs none) entries', () => {
  const fs = byCode(pod`
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - {containerPort: 80, hostPort: 8080}
      - {containerPort: 80}
      - {containerPort: 443, hostPort: 443}
      - {containerPort: 443, hostPort: 443, hostIP: 10.0.0.1}
  `, CODE);
  assert.deepEqual(fs.map((f) => f.message.split(';')[0]), [
    'overlapping port definition with spec.containers[0].ports[0]',
    'dangerously ambiguous port definition with spec.containers[0].ports[2]',
  ]);
  assertFinding(fs[1], { path: 'spec.containers[0].ports[3].containerPort', at: [11, 22, 11, 25] });
});

test('port-definition-duplicate: a regular init container and an app container only get an info (Deployment)', () => {
  const text = deploymentTemplate`
    initContainers:
    - name: warmup
      image: tool:1
      ports: [{containerPort: 8080}]
    containers:
    - name: app
      image: app:1
      ports: [{containerPort: 8080}]
  `;
  assertOnlyFinding(text, CODE, {
    path: 'spec.template.spec.containers[0].ports[0].containerPort', severity: 'info', at: [13, 32, 13, 36],
    message: 'duplicate port definition with spec.template.spec.initContainers[0].ports[0] (the API server warns about this, but it is harmless here: ' +
      'init container "warmup" runs to completion before container "app" starts, so the two never listen at the same time).',
  });
  assert.deepEqual(byCode(text, 'container-port-conflict'), []);
});

test('port-definition-duplicate: a real cross-container conflict is left to container-port-conflict', () => {
  const text = pod`
    containers:
    - {name: a, image: x:1, ports: [{containerPort: 80}]}
    - {name: b, image: x:1, ports: [{containerPort: 80}]}
  `;
  assert.deepEqual(lint(text).filter((f) => f.path.endsWith('containerPort')).map((f) => f.code), ['container-port-conflict']);
});

test('port-definition-duplicate: distinct entries and distinct protocols pass, per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('ok')`
    containers:
    - {name: dns, image: x:1, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}, {containerPort: 80, hostPort: 80}, {containerPort: 80, hostPort: 8080}]}
  `, podNamed('dup')`
    containers:
    - {name: dns, image: x:1, ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: UDP}]}
  `), CODE), [[1, 'spec.containers[0].ports[1].containerPort']]);
});
