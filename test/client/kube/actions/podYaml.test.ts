import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { podYamlText } from '../../../../client/src/kube/actions/podYaml';
import { ApiRequestError } from '../../../../client/src/kube/cluster/apiRequest';
import { describeConnectionError } from '../../../../client/src/kube/cluster/connectionError';

const raw = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web', namespace: 'demo', managedFields: [{ manager: 'kubectl' }], creationTimestamp: '2026-01-02T03:04:05Z' },
  spec: { containers: [{ name: 'app', image: 'nginx', args: ['--a', 'a very long argument '.repeat(10)] }] },
};

test('strips managedFields and keeps everything else as the server sent it', () => {
  const text = podYamlText(raw);
  const back = parse(text) as typeof raw;
  assert.equal(back.metadata.managedFields, undefined);
  assert.deepEqual({ ...back, metadata: { ...back.metadata } }, { ...raw, metadata: { name: 'web', namespace: 'demo', creationTimestamp: '2026-01-02T03:04:05Z' } });
  assert.ok(raw.metadata.managedFields, 'the input is not modified');
});

test('sorted keys and unindented lists, like kubectl get -o yaml', () => {
  const text = podYamlText(raw);
  assert.ok(text.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n'));
  assert.match(text, /\n {2}containers:\n {2}- args:\n {4}- --a\n/);
  assert.ok(text.split('\n').every((l) => !l.includes('a very long') || l.length > 120), 'long strings are not folded');
});

test('a refused read reads like any other cluster error', () => {
  const err = ApiRequestError.from({
    status: 403,
    body: JSON.stringify({ kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods "web" is forbidden: User "dev" cannot get resource "pods"' }),
    warnings: [],
  });
  assert.deepEqual(describeConnectionError(err), {
    kind: 'forbidden', code: 403, reason: 'Forbidden', message: 'pods "web" is forbidden: User "dev" cannot get resource "pods"',
  });
  assert.equal(ApiRequestError.from({ status: 502, body: '<html>bad gateway</html>', warnings: [] }).message, '<html>bad gateway</html>');
});
