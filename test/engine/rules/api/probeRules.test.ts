import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertFindings, byCode } from '../../helpers';
import { pod, deployment } from '../../../support/manifests';

test('init-container-field-forbidden: probes and lifecycle on a run-to-completion init container, at the key', () => {
  assertFindings(pod`
    initContainers:
    - name: migrate
      image: busybox
      lifecycle: {postStart: {exec: {command: [echo]}}}
      startupProbe: {exec: {command: [echo]}}
    - name: sidecar
      image: busybox
      restartPolicy: Always
      readinessProbe: {exec: {command: [echo]}}
    containers: [{name: a, image: nginx, livenessProbe: {exec: {command: [echo]}}}]
  `, 'init-container-field-forbidden', [
    { path: 'spec.initContainers[0].lifecycle', message: 'Forbidden: may not be set for init containers without restartPolicy=Always', at: [7, 4, 7, 13] },
    { path: 'spec.initContainers[0].startupProbe', at: [8, 4, 8, 16] },
  ]);
});

test('probe-value-invalid: negatives, successThreshold for liveness/startup, grace periods', () => {
  const fs = byCode(deployment`
    containers:
    - name: a
      image: nginx
      livenessProbe:
        tcpSocket: {port: 80}
        successThreshold: 3
        periodSeconds: -1
        terminationGracePeriodSeconds: 0
      readinessProbe:
        tcpSocket: {port: 80}
        successThreshold: 3
        terminationGracePeriodSeconds: 5
      startupProbe:
        tcpSocket: {port: 80}
        successThreshold: 0
  `, 'probe-value-invalid');
  const probe = 'spec.template.spec.containers[0]';
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    [`${probe}.livenessProbe.periodSeconds`, 'Invalid value: -1: must be greater than or equal to 0'],
    [`${probe}.livenessProbe.successThreshold`, 'Invalid value: 3: must be 1'],
    [`${probe}.livenessProbe.terminationGracePeriodSeconds`, 'Invalid value: 0: must be greater than 0'],
    [`${probe}.readinessProbe.terminationGracePeriodSeconds`, 'Invalid value: 5: must not be set for readinessProbes'],
  ], 'readiness may use successThreshold > 1, and a startup 0 is defaulted to 1');
  assertFinding(fs[1], { at: [13, 28, 13, 29] });
  assert.equal(fs[1]!.fixes?.[0]?.edits[0]?.newText, '1');
});
