import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, perDocument, y } from '../../helpers';
import { documents, pod } from '../../../support/manifests';

const CODE = 'termination-grace-period-negative';

test('termination-grace-period-negative: negative values are treated as 1', () => {
  const f = assertOnlyFinding(pod`
    terminationGracePeriodSeconds: -5
    containers: [{name: a, image: x:1}]
  `, CODE, {
    path: 'spec.terminationGracePeriodSeconds', severity: 'warning', at: [4, 33, 4, 35],
    message: 'must be >= 0; negative values are invalid and will be treated as 1, so containers are killed one second after they are asked to stop.',
  });
  assert.equal(f.fixes?.[0]?.edits[0]?.newText, '0');
});

test('termination-grace-period-negative: template path; zero and positive pass; per document', () => {
  assert.deepEqual(perDocument(documents(y`
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: c}
    spec:
      schedule: "* * * * *"
      jobTemplate: {spec: {template: {spec: {terminationGracePeriodSeconds: -1, restartPolicy: Never, containers: [{name: a, image: x:1}]}}}}
  `, pod`
    terminationGracePeriodSeconds: 0
    containers: [{name: a, image: x:1}]
  `), CODE), [[0, 'spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds']]);
});
