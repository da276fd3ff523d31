// Run a Pod builds what `kubectl run NAME --image=IMAGE [--port=P] [-- ARGS]` builds (kubectl's createPod); the
// inputs are checked the way the API server and kubectl check them. The cluster test compares with kubectl itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageProblem, podNameProblem, portProblem, runPodObject, splitWords } from '../../../../client/src/kube/apply/runPod';

test('the pod kubectl run creates: label run, container named like the pod, args after --, a bare containerPort', () => {
  assert.deepEqual(runPodObject({ name: 'web', image: ' nginx:1.27 ', args: 'sleep 3600', port: '80' }), {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { run: 'web' } },
    spec: {
      containers: [{ name: 'web', image: 'nginx:1.27', resources: {}, args: ['sleep', '3600'], ports: [{ containerPort: 80 }] }],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
    },
  });
  const bare = runPodObject({ name: 'x', image: 'busybox', args: '', port: '' }) as { spec: { containers: Record<string, unknown>[] } };
  assert.deepEqual(Object.keys(bare.spec.containers[0]), ['name', 'image', 'resources']);
});

test('arguments split like a shell: quotes group, backslash escapes', () => {
  assert.deepEqual(splitWords(`sh -c "echo 'hi there'; sleep 1"`), ['sh', '-c', `echo 'hi there'; sleep 1`]);
  assert.deepEqual(splitWords(`a\\ b '' "x\\"y"`), ['a b', '', 'x"y']);
  assert.deepEqual(splitWords('   '), []);
});

test('inputs are checked as typed', () => {
  assert.equal(podNameProblem('web-1'), undefined);
  assert.match(podNameProblem('Web') ?? '', /^a lowercase RFC 1123 subdomain/);
  assert.match(podNameProblem('a.b') ?? '', /container name must be a lowercase RFC 1123 label/);
  assert.equal(podNameProblem(''), 'a name is required');
  assert.equal(imageProblem(''), 'an image is required');
  assert.equal(imageProblem('nginx latest'), 'an image reference contains no spaces');
  assert.equal(portProblem(''), undefined);
  assert.equal(portProblem('8080'), undefined);
  for (const bad of ['0', '65536', '80a', '-1']) assert.equal(portProblem(bad), 'a port is a number from 1 to 65535', bad);
});
