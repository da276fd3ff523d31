import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode } from '../../helpers';
import { pod, template } from '../../../support/manifests';

test('handler-invalid: no handler, two handlers, empty exec command', () => {
  const fs = byCode(pod`
    initContainers:
    - {name: side, image: busybox, restartPolicy: Always, readinessProbe: {periodSeconds: 5}}
    containers:
    - name: a
      image: nginx
      livenessProbe:
        httpGet: {port: 80}
        tcpSocket: {port: 80}
      startupProbe:
        exec: {command: []}
      lifecycle:
        postStart: {}
  `, 'handler-invalid');
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.initContainers[0].readinessProbe', 'Required value: must specify a handler type'],
    ['spec.containers[0].livenessProbe.tcpSocket', 'Forbidden: may not specify more than 1 handler type'],
    ['spec.containers[0].startupProbe.exec.command', 'Required value'],
    ['spec.containers[0].lifecycle.postStart', 'Required value: must specify a handler type'],
  ]);
  assertFinding(fs[0], { at: [5, 72, 5, 90] });
  assertFinding(fs[1], { at: [11, 6, 11, 15] });
  assertFinding(fs[2], { at: [13, 13, 13, 20] });
});

test('handler-invalid: ports, header names and sleep against the grace period', () => {
  const fs = byCode(pod`
    terminationGracePeriodSeconds: 20
    containers:
    - name: a
      image: nginx
      livenessProbe: {grpc: {port: 0}}
      readinessProbe: {httpGet: {port: "8080", httpHeaders: [{name: "Bad Header", value: x}]}}
      startupProbe: {tcpSocket: {port: a-very-long-port-name}}
      lifecycle: {preStop: {sleep: {seconds: 25}}}
  `, 'handler-invalid');
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.containers[0].livenessProbe.grpc.port', 'Invalid value: 0: must be between 1 and 65535, inclusive'],
    ['spec.containers[0].readinessProbe.httpGet.port', 'Invalid value: "8080": must contain at least one letter (a-z)'],
    ['spec.containers[0].readinessProbe.httpGet.httpHeaders', 'Invalid value: "Bad Header": a valid HTTP header must consist of alphanumeric characters or \'-\' (e.g. \'X-Header-Name\', regex used for validation is \'[-A-Za-z0-9]+\')'],
    ['spec.containers[0].startupProbe.tcpSocket.port', 'Invalid value: "a-very-long-port-name": must be no more than 15 characters'],
    ['spec.containers[0].lifecycle.preStop.sleep', 'Invalid value: 25: must be non-negative and less than terminationGracePeriodSeconds (20)'],
  ]);
  assertFinding(fs[1], { at: [9, 37, 9, 43] });
  assert.equal(fs[1]!.fixes?.[0]?.title, 'Use the number 8080');
  assertFinding(fs[4], { at: [11, 43, 11, 45] });
});

test('handler-invalid: without a grace period the default 30 applies; valid handlers and plain init containers pass', () => {
  const text = template('Job', 'j')`
    restartPolicy: Never
    initContainers:
    - {name: i, image: busybox, livenessProbe: {}}
    containers:
    - name: a
      image: busybox
      livenessProbe: {exec: {command: [ls]}, periodSeconds: 10}
      readinessProbe: {httpGet: {port: http, path: /, httpHeaders: [{name: X-Probe, value: "1"}]}}
      lifecycle: {preStop: {sleep: {seconds: 30}}, postStart: {tcpSocket: {port: 8080}}}
  `;
  assert.deepEqual(byCode(text, 'handler-invalid'), [], 'the init container probe is Forbidden elsewhere, not validated');
});
