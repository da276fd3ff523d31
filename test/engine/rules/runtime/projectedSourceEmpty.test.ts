import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'projected-source-empty';

test('projected-source-empty: an empty source entry projects nothing', () => {
  const fs = byCode(pod`
    containers: [{name: a, image: x:1}]
    volumes:
    - name: bundle
      projected:
        sources:
        - {}
        - configMap: {name: c}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.volumes[0].projected.sources[0]',
    severity: 'warning',
    message: 'volume "bundle" (Projected) has no sources provided; this entry projects nothing into the volume.',
    at: [9, 8, 9, 10],
  });
});

test('projected-source-empty: a mis-indented source key in a Job template; per document', () => {
  const fs = byCode(y`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: a, image: x:1}]
          volumes:
          - name: bundle
            projected:
              sources:
              - secret:
                name: s
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: ok}
    spec:
      containers: [{name: a, image: x:1}]
      volumes: [{name: v, projected: {sources: [{serviceAccountToken: {path: t}}]}}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[0, 'spec.template.spec.volumes[0].projected.sources[0]']]);
});
