// The pod port a forward reaches: a Service port's targetPort (a number, a name looked up in the pod's containers,
// omitted, or a headless Service's own port) and a container port by name, with kubectl's messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceLike } from '../../../../client/src/kube/cluster/services';
import { containerPortByName, declaredPorts, resolvePort, targetPortFor } from '../../../../client/src/kube/portForward/forwardPorts';
import { forwardPod } from '../fakes/fakePodWatcher';

const service: ServiceLike = {
  metadata: { name: 'web', namespace: 'ns' },
  spec: {
    selector: { app: 'web' },
    ports: [
      { name: 'named', port: 80, targetPort: 'http' },
      { name: 'numeric', port: 81, targetPort: 9090 },
      { name: 'omitted', port: 82 },
      { name: 'unknown-name', port: 83, targetPort: 'grpc' },
    ],
  },
};

test('a Service port maps to its targetPort on the chosen pod, a named one through that pod\'s container ports', () => {
  assert.equal(targetPortFor(service, forwardPod('a', { httpPort: 8080 }), 80), 8080);
  assert.equal(targetPortFor(service, forwardPod('b', { httpPort: 8081 }), 80), 8081, 'each pod resolves the name itself');
  assert.equal(targetPortFor(service, forwardPod('a'), 81), 9090);
  assert.equal(targetPortFor(service, forwardPod('a'), 82), 82, 'no targetPort: the port itself');
  assert.equal(resolvePort({ kind: 'service', service, port: 80 }, forwardPod('a', { httpPort: 7000 })), 7000);
});

test('kubectl\'s messages for a port the Service or the pod does not have', () => {
  assert.throws(() => targetPortFor(service, forwardPod('a'), 99), { message: 'Service web does not have a service port 99' });
  assert.throws(() => targetPortFor(service, forwardPod('web-1'), 83), { message: "Pod 'web-1' does not have a named port 'grpc'" });
  assert.throws(() => resolvePort({ kind: 'named', name: 'metrics' }, forwardPod('web-2')), { message: "Pod 'web-2' does not have a named port 'metrics'" });
});

test('a headless Service forwards its own port number', () => {
  const headless: ServiceLike = { ...service, spec: { ...service.spec, clusterIP: 'None' } };
  assert.equal(targetPortFor(headless, forwardPod('a'), 80), 80);
});

test('named ports are found in init containers too; declaredPorts lists TCP app ports', () => {
  const pod = { metadata: { name: 'p' }, spec: { initContainers: [{ name: 'proxy', ports: [{ name: 'admin', containerPort: 15000 }] }], containers: [{ name: 'app', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 53, protocol: 'UDP' }] }, { name: 'side' }] } };
  assert.equal(containerPortByName(pod, 'admin'), 15000);
  assert.deepEqual(declaredPorts(pod), [{ container: 'app', port: 80, name: 'http' }]);
});
