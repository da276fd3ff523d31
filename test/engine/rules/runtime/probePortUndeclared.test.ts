import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, lint, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'probe-port-undeclared';

test('probe-port-undeclared: a numeric probe port no container declares is an info', () => {
  assertOnlyFinding(pod`
    containers:
    - name: app
      image: app:1
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
  `, CODE, {
    path: 'spec.containers[0].livenessProbe.httpGet.port', severity: 'info', at: [10, 14, 10, 18],
    message: 'port 8080 is not declared in any container\'s ports; the liveness probe still works if the process listens on it, ' +
      'but declaring it documents the port and lets probes and Services refer to it by name.',
  });
});

test('probe-port-undeclared: ports declared by any container, named ports and other hosts are fine (Deployment)', () => {
  const fs = byCode(deploymentTemplate`
    containers:
    - name: app
      image: app:1
      readinessProbe: {grpc: {port: 9090}}
      livenessProbe: {tcpSocket: {port: 5000}}
      startupProbe: {httpGet: {host: 10.0.0.9, path: /, port: 7000}}
      lifecycle:
        postStart: {httpGet: {path: /warm, port: 6000}}
        preStop: {tcpSocket: {port: 6001}}
    - name: side
      image: side:1
      ports: [{containerPort: 5000}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.range.start.line, f.range.start.character]), [
    ['spec.template.spec.containers[0].readinessProbe.grpc.port', 9, 38],
    ['spec.template.spec.containers[0].lifecycle.postStart.httpGet.port', 13, 51],
  ]);
  assert.match(fs[1]!.message, /the postStart hook still works/);
});

test('probe-port-undeclared: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('ok')`
    containers: [{name: a, image: x:1, ports: [{containerPort: 80}], livenessProbe: {tcpSocket: {port: 80}}}]
  `, podNamed('hint')`
    containers: [{name: a, image: x:1, livenessProbe: {tcpSocket: {port: 80}}}]
  `), CODE), [[1, 'spec.containers[0].livenessProbe.tcpSocket.port']]);
});

test('probe-port-undeclared: out-of-range ports are left to the API rules', () => {
  const text = pod`
    containers:
    - name: app
      image: nginx:1.27
      livenessProbe: {tcpSocket: {port: 70000}}
      readinessProbe: {httpGet: {port: 0}}
  `;
  assert.deepEqual(byCode(text, 'probe-port-undeclared'), []);
  assert.ok(lint(text).some((f) => f.severity === 'error' && f.path === 'spec.containers[0].livenessProbe.tcpSocket.port'), 'the API rules report the bad port');
});
