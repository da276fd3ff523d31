import assert from 'node:assert/strict';
import { test } from 'node:test';
import { didYouMean, editDistance } from '../../../../server/src/engine/rules/schema/didYouMean';

const containerFields = ['args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'name', 'ports', 'stdin', 'tty', 'volumeMounts'];

test('editDistance counts an adjacent swap as one edit', () => {
  assert.equal(editDistance('contianers', 'containers'), 1);
  assert.equal(editDistance('imagepulpolicy', 'imagepullpolicy'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('', 'env'), 3);
});

test('didYouMean: case-insensitive equality wins over everything', () => {
  assert.deepEqual(didYouMean('ImagePullPolicy', containerFields), { name: 'imagePullPolicy', clear: true });
});

test('didYouMean: closest field within the edit budget, clear when unique', () => {
  assert.deepEqual(didYouMean('imagePulPolicy', containerFields), { name: 'imagePullPolicy', clear: true });
  assert.deepEqual(didYouMean('volumeMount', containerFields), { name: 'volumeMounts', clear: true });
});

test('didYouMean: short keys get one edit only, and unrelated keys nothing', () => {
  assert.equal(didYouMean('flavour', containerFields), undefined);
  assert.equal(didYouMean('xyz', containerFields), undefined);
});

test('didYouMean: a tie between two candidates is a suggestion but not a clear one', () => {
  assert.deepEqual(didYouMean('stdn', ['stdin', 'stdout']), { name: 'stdin', clear: true });
  assert.equal(didYouMean('ab', ['ac', 'ad'])?.clear, false);
});
