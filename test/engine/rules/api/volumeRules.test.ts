import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode } from '../../helpers';
import { cronJob, pod } from '../../../support/manifests';

const POD = pod`
  containers: [{name: a, image: nginx}]
  volumes:
  - name: data
    emptyDir: {}
  - name: data
    emptyDir: {}
  - name: Bad_Name
    emptyDir: {}
  - name: two
    configMap: {name: cm}
    emptyDir: {}
  - name: defaulted
  - name: nulled
    emptyDir:
  - emptyDir: {sizeLimit: -1Gi}
`;

test('volume-name-invalid: names are required DNS-1123 labels', () => {
  const fs = byCode(POD, 'volume-name-invalid');
  assert.equal(fs.length, 2);
  assertFinding(fs[0], { path: 'spec.volumes[2].name', at: [10, 10, 10, 18] });
  assert.match(fs[0]!.message, /^Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of/);
  assertFinding(fs[1], { path: 'spec.volumes[6].name', message: 'Required value', at: [18, 4, 18, 31] });
});

test('volume-name-duplicate: the second volume of a name is the Duplicate', () => {
  assertOnlyFinding(POD, 'volume-name-duplicate', { path: 'spec.volumes[1].name', message: 'Duplicate value: "data"', at: [8, 10, 8, 14] });
});

test('volume-source-count: the later source in the server\'s order is Forbidden; no source defaults to emptyDir', () => {
  const fs = byCode(POD, 'volume-source-count');
  assert.equal(fs.length, 2);
  // validateVolumeSource visits emptyDir before configMap, whatever the YAML order.
  assertFinding(fs[0], { path: 'spec.volumes[3].configMap', message: 'Forbidden: may not specify more than 1 volume type', at: [13, 4, 13, 13] });
  assertFinding(fs[1], { path: 'spec.volumes[6].emptyDir.sizeLimit', message: 'Forbidden: SizeLimit field must be a valid resource quantity', at: [18, 26, 18, 30] });
});

test('volume-source-count: the server\'s misspelt paths are kept (downwardAPI -> downwarAPI) in a CronJob', () => {
  assertOnlyFinding(cronJob('c', '@hourly')`
    restartPolicy: Never
    containers: [{name: a, image: busybox}]
    volumes:
    - name: v
      secret: {secretName: s}
      downwardAPI: {items: []}
  `, 'volume-source-count', { path: 'spec.jobTemplate.spec.template.spec.volumes[0].downwarAPI', at: [14, 12, 14, 23] });
});
