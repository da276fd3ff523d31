import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'lifecycle-tcp-socket';

test('lifecycle-tcp-socket: a preStop tcpSocket hook always fails', () => {
  assertOnlyFinding(pod`
    containers:
    - name: app
      image: app:1
      lifecycle:
        preStop:
          tcpSocket:
            port: 8080
  `, CODE, {
    path: 'spec.containers[0].lifecycle.preStop.tcpSocket', severity: 'warning', at: [9, 8, 9, 17],
    message: 'tcpSocket is not supported as a lifecycle handler: the API server accepts it only for backward compatibility, the kubelet fails the preStop hook ' +
      'with "invalid handler", and the container is stopped without the graceful shutdown the hook was meant to run. Use exec, httpGet or sleep.',
  });
});

test('lifecycle-tcp-socket: postStart on a sidecar in a Deployment; probes may use tcpSocket', () => {
  const f = assertOnlyFinding(deploymentTemplate`
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
  `, CODE, { path: 'spec.template.spec.initContainers[0].lifecycle.postStart.tcpSocket', at: [10, 32, 10, 41] });
  assert.match(f.message, /the kubelet kills the container right after it starts/);
});

test('lifecycle-tcp-socket: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('ok')`
    containers: [{name: a, image: x:1, lifecycle: {preStop: {httpGet: {path: /stop, port: 80}}}}]
  `, podNamed('bad')`
    containers: [{name: a, image: x:1, lifecycle: {preStop: {tcpSocket: {port: 80}}}}]
  `), CODE), [[1, 'spec.containers[0].lifecycle.preStop.tcpSocket']]);
});
