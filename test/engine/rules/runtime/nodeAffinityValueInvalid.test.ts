import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode } from '../../helpers';
import { deploymentTemplate, documents, pod } from '../../../support/manifests';

const CODE = 'node-affinity-value-invalid';

test('node-affinity-value-invalid: a preferred term value that is not a label value', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    affinity:
      nodeAffinity:
        preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 10
          preference:
            matchExpressions:
            - key: zone
              operator: In
              values: ["us east", ok-zone]
  `, CODE, {
    path: 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]', severity: 'warning', at: [13, 21, 13, 30],
    message: "us east is invalid, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
      "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'); no node label can have this value.",
  });
});

test('node-affinity-value-invalid: required terms are the API rules\' business; per document, template paths', () => {
  const fs = byCode(documents(deploymentTemplate`
    containers: [{name: a, image: x:1}]
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: ["a b"]}]}]
  `, deploymentTemplate`
    containers: [{name: a, image: x:1}]
    affinity:
      nodeAffinity:
        preferredDuringSchedulingIgnoredDuringExecution:
        - {weight: 1, preference: {matchExpressions: [{key: zone, operator: In, values: ["${'x'.repeat(64)}"]}]}}
  `), CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message.split(';')[0]]), [
    [1, 'spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]',
      `${'x'.repeat(64)} is invalid, must be no more than 63 bytes`],
  ]);
});
