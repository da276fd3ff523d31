import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseFieldPath, rangeOfFieldPath } from '../../server/src/engine/fieldPathRange';

const src = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: Web',
  '  labels:',
  '    app.kubernetes.io/name: web',
  'spec:',
  '  nodeSelector:',
  '    kubernetes.io/os: linux',
  '  containers:',
  '  - name: app',
  '    image: nginx',
  '    ports:',
  '    - containerPort: 80',
  '    - containerPort: 99999',
  '',
].join('\n');
const doc = parseDocument(src);
const text = (r: { start: number; end: number }) => src.slice(r.start, r.end);

test('parses Kubernetes field paths, brackets verbatim', () => {
  assert.deepEqual(parseFieldPath('spec.containers[0].ports[1].containerPort'), ['spec', 'containers', 0, 'ports', 1, 'containerPort']);
  assert.deepEqual(parseFieldPath('spec.nodeSelector[kubernetes.io/os]'), ['spec', 'nodeSelector', 'kubernetes.io/os']);
  assert.deepEqual(parseFieldPath('metadata.labels[app.kubernetes.io/name]'), ['metadata', 'labels', 'app.kubernetes.io/name']);
  assert.deepEqual(parseFieldPath(''), []);
});

test('a scalar path points at the value', () => {
  const r = rangeOfFieldPath(doc, 'spec.containers[0].ports[1].containerPort');
  assert.equal(text(r), '99999');
  assert.equal(r.exact, true);
  assert.equal(text(rangeOfFieldPath(doc, 'metadata.name')), 'Web');
  assert.equal(text(rangeOfFieldPath(doc, 'spec.nodeSelector[kubernetes.io/os]')), 'linux');
});

test('a collection path points at its key; key preference marks the key of a scalar', () => {
  assert.equal(text(rangeOfFieldPath(doc, 'spec.containers[0].ports')), 'ports');
  assert.equal(text(rangeOfFieldPath(doc, 'metadata.labels')), 'labels');
  assert.equal(text(rangeOfFieldPath(doc, 'spec.containers[0].image', 'key')), 'image');
  const item = rangeOfFieldPath(doc, 'spec.containers[0].ports[1]');
  assert.equal(text(item), 'containerPort');
  assert.equal(src.slice(0, item.start).split('\n').length, 15, 'the second port item, not the first');
});

test('a missing field points at its deepest existing parent', () => {
  const r = rangeOfFieldPath(doc, 'spec.containers[0].resources.limits');
  assert.equal(r.exact, false);
  assert.equal(text(r), 'containers');
  assert.equal(text(rangeOfFieldPath(doc, 'spec.containers[3].name')), 'containers');
  assert.equal(text(rangeOfFieldPath(doc, 'status')), 'Pod', 'nothing matches: the kind');
  assert.equal(text(rangeOfFieldPath(doc, [])), 'Pod');
});
