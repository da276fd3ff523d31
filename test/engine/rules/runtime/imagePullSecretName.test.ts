import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'image-pull-secret-name';

test('image-pull-secret-name: a repeated name', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    imagePullSecrets:
    - name: regcred
    - name: regcred
  `, CODE, {
    path: 'spec.imagePullSecrets[1].name', severity: 'warning', at: [7, 10, 7, 17],
    message: 'duplicate name "regcred"; the entry is redundant.',
  });
});

test('image-pull-secret-name: an empty name in a Deployment; per document', () => {
  const fs = byCode(documents(deploymentTemplate`
    containers: [{name: a, image: x:1}]
    imagePullSecrets: [{name: ""}]
  `, podNamed('ok')`
    containers: [{name: a, image: x:1}]
    imagePullSecrets: [{name: a}, {name: b}]
  `), CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message]), [
    [0, 'spec.template.spec.imagePullSecrets[0].name', 'invalid empty name ""; the entry refers to no Secret, so it adds no registry credentials.'],
  ]);
  assertFinding(fs[0], { at: [7, 32, 7, 34] });
});
