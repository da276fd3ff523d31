import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertFindings, assertOnlyFinding, byCode, y } from '../../helpers';
import { pod, workload } from '../../../support/manifests';

const POD = pod`
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 0
    - containerPort: 70000
      hostPort: -1
    - containerPort: 81
      name: HTTP
    - containerPort: 82
      name: metrics-endpoint-x
    - containerPort: 83
      name: http
    - containerPort: 84
      name: http
`;

test('container-port-invalid: 0 is Required, out of range is Invalid with the server wording', () => {
  assertFindings(POD, 'container-port-invalid', [
    { path: 'spec.containers[0].ports[0].containerPort', message: 'Required value', at: [8, 21, 8, 22] },
    { path: 'spec.containers[0].ports[1].containerPort', message: 'Invalid value: 70000: must be between 1 and 65535, inclusive', at: [9, 21, 9, 26] },
    { path: 'spec.containers[0].ports[1].hostPort', message: 'Invalid value: -1: must be between 1 and 65535, inclusive', at: [10, 16, 10, 18] },
  ]);
});

test('port-name-invalid: every broken IANA_SVC_NAME rule is reported; lower-casing is offered when it fixes the name', () => {
  const fs = byCode(POD, 'port-name-invalid');
  assert.deepEqual(fs.map((f) => f.message), [
    'Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    'Invalid value: "HTTP": must contain at least one letter (a-z)',
    'Invalid value: "metrics-endpoint-x": must be no more than 15 characters',
  ]);
  assertFinding(fs[0], { path: 'spec.containers[0].ports[2].name', at: [12, 12, 12, 16] });
  assert.equal(fs[0]!.fixes?.[0]?.edits[0]?.newText, 'http');
  assert.equal(fs[2]!.fixes, undefined);
});

test('port-name-not-unique: a repeated name inside one container is a Duplicate at the second', () => {
  assertOnlyFinding(POD, 'port-name-not-unique', { path: 'spec.containers[0].ports[5].name', message: 'Duplicate value: "http"', at: [18, 12, 18, 16] });
});

test('port rules: the same names in different containers and valid ports pass (StatefulSet template)', () => {
  const text = y`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: s}
    spec:
      selector: {matchLabels: {app: s}}
      serviceName: s
      template:
        metadata: {labels: {app: s}}
        spec:
          containers:
          - {name: a, image: nginx, ports: [{containerPort: 80, name: http}, {containerPort: 65535, hostPort: 1}]}
          - {name: b, image: nginx, ports: [{containerPort: 81, name: http}]}
  `;
  for (const code of ['container-port-invalid', 'port-name-invalid', 'port-name-not-unique']) assert.deepEqual(byCode(text, code), [], code);
});

test('host-network-port-mismatch: under hostNetwork a set hostPort must equal containerPort', () => {
  const f = assertOnlyFinding(workload('DaemonSet', 'ds')`
    hostNetwork: true
    containers:
    - name: a
      image: nginx
      ports: [{containerPort: 80, hostPort: 8080}, {containerPort: 90}, {containerPort: 91, hostPort: 91}]
  `, 'host-network-port-mismatch', { path: 'spec.template.spec.containers[0].ports[0].hostPort', message: 'Invalid value: 8080: must match `containerPort` when `hostNetwork` is true', at: [12, 46, 12, 50] });
  assert.equal(f.fixes?.[0]?.edits[0]?.newText, '80');
});
