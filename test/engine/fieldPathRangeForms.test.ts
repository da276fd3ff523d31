// API paths as the API server prints them → the source range of the YAML they came from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { parseApiPath, resolveUnindexed, spanOfApiPath } from '../../server/src/engine/fieldPathRange';

const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/web: localhost/x
spec:
  nodeSelector:
    kubernetes.io/os: linux
  containers:
  - name: web
    image: nginx
    args: ["a", "b"]
    ports:
    - containerPort: 80
    - containerPort: "8080"
      name: TOO_LONG
    resources:
      limits:
        memory: 1Gi
`;
const doc = parseDocument(text);
const marked = (path: string, prefer?: 'auto' | 'key') => {
  const s = spanOfApiPath(doc, path, prefer);
  return { text: text.slice(s.start, s.end), exact: s.exact };
};

test('parses names, indexes and bracketed map keys with dots and slashes', () => {
  assert.deepEqual(parseApiPath('spec.containers[0].ports[1].name'), ['spec', 'containers', 0, 'ports', 1, 'name']);
  assert.deepEqual(parseApiPath('spec.nodeSelector[kubernetes.io/os]'), ['spec', 'nodeSelector', 'kubernetes.io/os']);
  assert.deepEqual(parseApiPath('resources.limits[memory]'), ['resources', 'limits', 'memory']);
  assert.deepEqual(parseApiPath('metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]'),
    ['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/web']);
});

test('a scalar field is marked by its value', () => {
  assert.deepEqual(marked('spec.containers[0].ports[1].name'), { text: 'TOO_LONG', exact: true });
  assert.deepEqual(marked('metadata.name'), { text: 'web', exact: true });
});

test('a map key in brackets is marked by its value, or by the key when asked', () => {
  assert.deepEqual(marked('spec.containers[0].resources.limits[memory]'), { text: '1Gi', exact: true });
  assert.deepEqual(marked('metadata.labels[app]', 'key'), { text: 'app', exact: true });
  assert.deepEqual(marked('spec.nodeSelector[kubernetes.io/os]'), { text: 'linux', exact: true });
  assert.deepEqual(marked('metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]'), { text: 'localhost/x', exact: true });
});

test('a list item that is a map is marked by its first key; a scalar item by itself', () => {
  assert.deepEqual(marked('spec.containers[0].ports[1]'), { text: 'containerPort', exact: true });
  assert.deepEqual(marked('spec.containers[0].args[1]'), { text: '"b"', exact: true });
});

test('a collection is marked by its key, not painted whole', () => {
  assert.deepEqual(marked('metadata.labels'), { text: 'labels', exact: true });
  assert.deepEqual(marked('spec.containers[0].ports'), { text: 'ports', exact: true });
});

test('a missing field marks its deepest existing parent and says it is not exact', () => {
  assert.deepEqual(marked('spec.containers[0].resources.requests'), { text: 'resources', exact: false });
  assert.deepEqual(marked('spec.dnsConfig'), { text: 'spec', exact: false });
  assert.deepEqual(marked('spec.containers[3].name'), { text: 'containers', exact: false });
});

test('a path with nothing in the document marks the kind', () => {
  assert.deepEqual(marked('status.phase'), { text: 'Pod', exact: false });
});

test('an unknown field is marked by its name when asked for the key', () => {
  assert.deepEqual(marked('spec.containers[0].image', 'key'), { text: 'image', exact: true });
});

test('index-free paths of Go JSON errors resolve to the first item whose value has the wrong type', () => {
  const isString = (n: unknown) => typeof (n as { value?: unknown })?.value === 'string';
  assert.deepEqual(resolveUnindexed(doc, ['spec', 'containers', 'ports', 'containerPort'], isString), ['spec', 'containers', 0, 'ports', 1, 'containerPort']);
  assert.equal(resolveUnindexed(doc, ['spec', 'containers', 'ports', 'hostPort'], () => true), undefined);
});
