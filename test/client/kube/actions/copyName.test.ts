import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podNameText } from '../../../../client/src/kube/actions/copyName';

test('copies the name, or namespace/name when qualified', () => {
  assert.equal(podNameText({ namespace: 'demo', name: 'web-1' }), 'web-1');
  assert.equal(podNameText({ namespace: 'demo', name: 'web-1' }, true), 'demo/web-1');
});
