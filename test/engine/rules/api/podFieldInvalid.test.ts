import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode } from '../../helpers';
import { pod, deployment } from '../../../support/manifests';

test('pod-field-invalid: activeDeadlineSeconds range, DNS names, nodeName with scheduling gates', () => {
  const fs = byCode(pod`
    activeDeadlineSeconds: 0
    hostname: my.host
    serviceAccountName: Bad_SA
    nodeName: node-1
    schedulingGates: [{name: wait}]
    terminationGracePeriodSeconds: -5
    containers: [{name: a, image: nginx}]
  `, 'pod-field-invalid');
  assert.deepEqual(fs.map((f) => f.path), ['spec.activeDeadlineSeconds', 'spec.hostname', 'spec.serviceAccountName', 'spec.nodeName'],
    'a negative terminationGracePeriodSeconds is accepted by the API server');
  assert.equal(fs[0]!.message, 'Invalid value: 0: must be between 1 and 2147483647, inclusive');
  assert.equal(fs[1]!.message, 'Invalid value: "my.host": must not contain dots');
  assert.match(fs[2]!.message, /^Invalid value: "Bad_SA": a lowercase RFC 1123 subdomain must consist of/);
  assert.equal(fs[3]!.message, 'Forbidden: cannot be set until all schedulingGates have been cleared');
  assertFinding(fs[0], { at: [4, 25, 4, 26] });
  assertFinding(fs[3], { at: [7, 2, 7, 10] });
});

test('pod-field-invalid: templates may set nodeName with gates; valid values pass', () => {
  assert.deepEqual(byCode(deployment`
    activeDeadlineSeconds: 2147483647
    subdomain: svc
    priorityClassName: high.priority
    nodeName: node-1
    schedulingGates: [{name: wait}]
    containers: [{name: a, image: nginx}]
  `, 'pod-field-invalid'), []);
});
