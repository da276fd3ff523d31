import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'env-var-hidden';

test('env-var-hidden: a repeated name hides the earlier value', () => {
  assertOnlyFinding(pod`
    containers:
    - name: app
      image: app:1
      env:
      - name: MODE
        value: dev
      - name: MODE
        value: prod
  `, CODE, {
    path: 'spec.containers[0].env[1]', severity: 'warning', at: [10, 6, 10, 16],
    message: 'hides previous definition of "MODE", which may be dropped when using apply; the container only sees this later value, not the one at spec.containers[0].env[0].',
  });
});

test('env-var-hidden: building on the earlier value passes; valueFrom and self-reference do not (Deployment init container)', () => {
  const fs = byCode(deploymentTemplate`
    initContainers:
    - name: init
      image: tool:1
      env:
      - {name: PATH, value: /bin}
      - {name: PATH, value: "$(PATH):/opt/bin"}
      - {name: PATH, value: "$(PATH)"}
      - {name: PATH, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    containers:
    - {name: app, image: app:1, env: [{name: A, value: x}, {name: B, value: x}]}
  `, CODE);
  assert.deepEqual(fs.map((f) => f.path), ['spec.template.spec.initContainers[0].env[2]', 'spec.template.spec.initContainers[0].env[3]']);
  assertFinding(fs[0], { at: [12, 10, 12, 40] });
});

test('env-var-hidden: names are per container, per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    containers:
    - {name: a, image: x:1, env: [{name: X, value: "1"}]}
    - {name: b, image: x:1, env: [{name: X, value: "2"}]}
  `, podNamed('b')`
    containers:
    - {name: a, image: x:1, env: [{name: X, value: "1"}, {name: X}]}
  `), CODE), [[1, 'spec.containers[0].env[1]']]);
});
