import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'image-pull-secret-name';

test('image-pull-secret-name: a repeated name', () => {
  const fs = byCode(pod`
    containers: [{name: a, image: x:1}]
    imagePullSecrets:
    - name: regcred
    - name: regcred
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.imagePullSecrets[1].name',
    severity: 'warning',
    message: 'duplicate name "regcred"; the entry is redundant.',
    at: [7, 10, 7, 17],
  });
});

test('image-pull-secret-name: an empty name in a Deployment; per document', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          containers: [{name: a, image: x:1}]
          imagePullSecrets: [{name: ""}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: ok}
    spec:
      containers: [{name: a, image: x:1}]
      imagePullSecrets: [{name: a}, {name: b}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message]), [
    [0, 'spec.template.spec.imagePullSecrets[0].name', 'invalid empty name ""; the entry refers to no Secret, so it adds no registry credentials.'],
  ]);
  assertFinding(fs[0], { at: [7, 32, 7, 34] });
});
