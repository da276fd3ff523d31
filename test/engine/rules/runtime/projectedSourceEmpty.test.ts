import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, perDocument } from '../../helpers';
import { documents, pod, podNamed, template } from '../../../support/manifests';

const CODE = 'projected-source-empty';

test('projected-source-empty: an empty source entry projects nothing', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    volumes:
    - name: bundle
      projected:
        sources:
        - {}
        - configMap: {name: c}
  `, CODE, {
    path: 'spec.volumes[0].projected.sources[0]', severity: 'warning', at: [9, 8, 9, 10],
    message: 'volume "bundle" (Projected) has no sources provided; this entry projects nothing into the volume.',
  });
});

test('projected-source-empty: a mis-indented source key in a Job template; per document', () => {
  assert.deepEqual(perDocument(documents(template('Job', 'j')`
    restartPolicy: Never
    containers: [{name: a, image: x:1}]
    volumes:
    - name: bundle
      projected:
        sources:
        - secret:
          name: s
  `, podNamed('ok')`
    containers: [{name: a, image: x:1}]
    volumes: [{name: v, projected: {sources: [{serviceAccountToken: {path: t}}]}}]
  `), CODE), [[0, 'spec.template.spec.volumes[0].projected.sources[0]']]);
});
