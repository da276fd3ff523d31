import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode } from '../../helpers';
import { pod } from '../../../support/manifests';

test('container-restart-policy-invalid: 1.36 accepts Always, Never and OnFailure on app and init containers', () => {
  assert.deepEqual(byCode(pod`
    initContainers:
    - {name: sidecar, image: busybox, restartPolicy: Always}
    - {name: once, image: busybox, restartPolicy: Never}
    - {name: retry, image: busybox, restartPolicy: OnFailure}
    containers:
    - name: a
      image: nginx
      restartPolicy: Never
      restartPolicyRules:
      - action: Restart
        exitCodes: {operator: In, values: [42]}
    - name: b
      image: nginx
      restartPolicy: Always
      restartPolicyRules:
      - {action: RestartAllContainers, exitCodes: {operator: NotIn, values: []}}
  `, 'container-restart-policy-invalid'), []);
});

test('container-restart-policy-invalid: unknown policy (with a case fix), rules without a policy, bad action/operator, missing exitCodes', () => {
  const fs = byCode(pod`
    initContainers:
    - name: i
      image: busybox
      restartPolicy: always
    - name: j
      image: busybox
      restartPolicyRules:
      - {action: Restart, exitCodes: {operator: In, values: [1]}}
    containers:
    - name: a
      image: nginx
      restartPolicy: OnFailure
      restartPolicyRules:
      - action: Bogus
        exitCodes: {operator: Maybe, values: [1]}
      - action: Restart
  `, 'container-restart-policy-invalid');
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.initContainers[0].restartPolicy', 'Unsupported value: "always": supported values: "Always", "Never", "OnFailure"'],
    ['spec.initContainers[1].restartPolicy', 'Required value: must specify restartPolicy when restart rules are used'],
    ['spec.containers[0].restartPolicyRules[0].action', 'Unsupported value: "Bogus": supported values: "Restart", "RestartAllContainers"'],
    ['spec.containers[0].restartPolicyRules[0].exitCodes.operator', 'Unsupported value: "Maybe": supported values: "In", "NotIn"'],
    ['spec.containers[0].restartPolicyRules[1].exitCodes', 'Required value: must be specified'],
  ]);
  assertFinding(fs[0], { at: [7, 19, 7, 25] });
  assert.equal(fs[0]!.fixes?.[0]?.edits[0]?.newText, 'Always');
  assertFinding(fs[1], { at: [10, 4, 10, 22] });
  assertFinding(fs[2], { at: [17, 14, 17, 19] });
});

test('container-restart-policy-invalid: more than 20 rules is Too many, in a Job template', () => {
  const rules = Array.from({ length: 21 }, () => '          - {action: Restart, exitCodes: {operator: In, values: [1]}}').join('\n');
  const text = `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: a
          image: busybox
          restartPolicy: Never
          restartPolicyRules:
${rules}
`;
  assertOnlyFinding(text, 'container-restart-policy-invalid', { path: 'spec.template.spec.containers[0].restartPolicyRules', message: 'Too many: 21: must have at most 20 items', at: [11, 10, 11, 28] });
});
