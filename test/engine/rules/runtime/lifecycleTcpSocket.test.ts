import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'lifecycle-tcp-socket';

test('lifecycle-tcp-socket: a preStop tcpSocket hook always fails', () => {
  const fs = byCode(pod`
    containers:
    - name: app
      image: app:1
      lifecycle:
        preStop:
          tcpSocket:
            port: 8080
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.containers[0].lifecycle.preStop.tcpSocket',
    severity: 'warning',
    message: 'tcpSocket is not supported as a lifecycle handler: the API server accepts it only for backward compatibility, the kubelet fails the preStop hook ' +
      'with "invalid handler", and the container is stopped without the graceful shutdown the hook was meant to run. Use exec, httpGet or sleep.',
    at: [9, 8, 9, 17],
  });
});

test('lifecycle-tcp-socket: postStart on a sidecar in a Deployment; probes may use tcpSocket', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          initContainers:
          - name: proxy
            image: envoy:1.30
            restartPolicy: Always
            lifecycle: {postStart: {tcpSocket: {port: 15000}}}
          containers:
          - name: app
            image: app:1
            livenessProbe: {tcpSocket: {port: 80}}
            lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { path: 'spec.template.spec.initContainers[0].lifecycle.postStart.tcpSocket', at: [10, 32, 10, 41] });
  assert.match(fs[0]!.message, /the kubelet kills the container right after it starts/);
});

test('lifecycle-tcp-socket: per document', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: ok}
    spec:
      containers: [{name: a, image: x:1, lifecycle: {preStop: {httpGet: {path: /stop, port: 80}}}}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: bad}
    spec:
      containers: [{name: a, image: x:1, lifecycle: {preStop: {tcpSocket: {port: 80}}}}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.containers[0].lifecycle.preStop.tcpSocket']]);
});
