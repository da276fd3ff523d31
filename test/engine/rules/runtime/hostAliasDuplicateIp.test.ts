import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'host-alias-duplicate-ip';

test('host-alias-duplicate-ip: a second entry for one ip', () => {
  const fs = byCode(pod`
    containers: [{name: a, image: x:1}]
    hostAliases:
    - ip: 10.0.0.1
      hostnames: [db]
    - ip: 10.0.0.1
      hostnames: [cache]
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.hostAliases[1].ip',
    severity: 'warning',
    message: 'duplicate ip "10.0.0.1"; kubectl apply merges hostAliases by ip, so one entry\'s hostnames may be dropped: list them all under one ip.',
    at: [8, 8, 8, 16],
  });
});

test('host-alias-duplicate-ip: template path; distinct ips pass; per document', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata: {name: r}
    spec:
      template:
        spec:
          containers: [{name: a, image: x:1}]
          hostAliases: [{ip: 10.0.0.1, hostnames: [a]}, {ip: 10.0.0.2, hostnames: [b]}]
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata: {name: r}
    spec:
      template:
        spec:
          containers: [{name: a, image: x:1}]
          hostAliases: [{ip: 10.0.0.1, hostnames: [a]}, {ip: 10.0.0.1, hostnames: [b]}, {ip: 10.0.0.1, hostnames: [c]}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.template.spec.hostAliases[1].ip'], [1, 'spec.template.spec.hostAliases[2].ip']]);
});
