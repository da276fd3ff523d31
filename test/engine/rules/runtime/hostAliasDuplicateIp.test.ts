import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, perDocument } from '../../helpers';
import { documents, pod, template } from '../../../support/manifests';

const CODE = 'host-alias-duplicate-ip';

test('host-alias-duplicate-ip: a second entry for one ip', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    hostAliases:
    - ip: 10.0.0.1
      hostnames: [db]
    - ip: 10.0.0.1
      hostnames: [cache]
  `, CODE, {
    path: 'spec.hostAliases[1].ip', severity: 'warning', at: [8, 8, 8, 16],
    message: 'duplicate ip "10.0.0.1"; kubectl apply merges hostAliases by ip, so one entry\'s hostnames may be dropped: list them all under one ip.',
  });
});

test('host-alias-duplicate-ip: template path; distinct ips pass; per document', () => {
  assert.deepEqual(perDocument(documents(template('ReplicaSet', 'r')`
    containers: [{name: a, image: x:1}]
    hostAliases: [{ip: 10.0.0.1, hostnames: [a]}, {ip: 10.0.0.2, hostnames: [b]}]
  `, template('ReplicaSet', 'r')`
    containers: [{name: a, image: x:1}]
    hostAliases: [{ip: 10.0.0.1, hostnames: [a]}, {ip: 10.0.0.1, hostnames: [b]}, {ip: 10.0.0.1, hostnames: [c]}]
  `), CODE), [[1, 'spec.template.spec.hostAliases[1].ip'], [1, 'spec.template.spec.hostAliases[2].ip']]);
});
