import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'probe-port-name-unknown';

test('probe-port-name-unknown: a liveness probe names a port nobody declares', () => {
  const f = assertOnlyFinding(pod`
    containers:
    - name: app
      image: app:1
      ports: [{name: web, containerPort: 8080}]
      livenessProbe:
        httpGet: {path: /healthz, port: health}
  `, CODE, {
    path: 'spec.containers[0].livenessProbe.httpGet.port', severity: 'warning', at: [9, 38, 9, 44],
    message: 'port "health" is not declared in the ports of container "app"; the kubelet resolves a named port against the probed container\'s own ports only, ' +
      'so the liveness probe fails with "port health not found" and the kubelet restarts the container again and again.',
  });
  assert.equal(f.fixes, undefined, 'no number to offer when no container declares the name');
});

test('probe-port-name-unknown: a name declared only by a sibling container, with a fix to its number (Deployment)', () => {
  const text = deploymentTemplate`
    containers:
    - name: app
      image: app:1
      readinessProbe:
        tcpSocket: {port: metrics}
    - name: exporter
      image: exporter:1
      ports: [{name: metrics, containerPort: 9090}]
  `;
  const f = assertOnlyFinding(text, CODE, { path: 'spec.template.spec.containers[0].readinessProbe.tcpSocket.port', at: [10, 28, 10, 35] });
  assert.match(f.message, /the readiness probe fails with "port metrics not found" and the pod never becomes Ready, so Services send it no traffic\. /);
  assert.match(f.message, /Container "exporter" declares it \(spec\.template\.spec\.containers\[1\]\.ports\[0\]\); use its number, 9090, instead\.$/);
  const edit = f.fixes?.[0]?.edits[0];
  assert.deepEqual(edit, { range: { start: { line: 10, character: 28 }, end: { line: 10, character: 35 } }, newText: '9090' });
});

test('probe-port-name-unknown: hooks and sidecars are checked too; own ports, numbers and invalid names are not reported', () => {
  const fs = byCode(pod`
    initContainers:
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      ports: [{name: admin, containerPort: 9901}]
      startupProbe: {httpGet: {path: /ready, port: admin}}
    containers:
    - name: app
      image: app:1
      ports: [{name: http, containerPort: 80}]
      livenessProbe: {httpGet: {path: /, port: http}}
      readinessProbe: {grpc: {port: 9000}}
      startupProbe: {tcpSocket: {port: NOT_VALID}}
      lifecycle:
        preStop: {tcpSocket: {port: gone}}
        postStart: {httpGet: {path: /warm, port: admin}}
  `, CODE);
  assert.deepEqual(fs.map((f) => f.path), ['spec.containers[0].lifecycle.postStart.httpGet.port']);
  assert.match(fs[0]!.message, /the postStart hook fails with "port admin not found" and the kubelet kills the container right after it starts\. Sidecar container "proxy" declares it/);
});

test('probe-port-name-unknown: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('ok')`
    containers: [{name: a, image: x:1, ports: [{name: http, containerPort: 80}], livenessProbe: {httpGet: {path: /, port: http}}}]
  `, podNamed('bad')`
    containers: [{name: a, image: x:1, livenessProbe: {httpGet: {path: /, port: http}}}]
  `), CODE), [[1, 'spec.containers[0].livenessProbe.httpGet.port']]);
});
