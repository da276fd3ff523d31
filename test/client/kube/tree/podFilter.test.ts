import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFilter, podFilterMatcher } from '../../../../client/src/kube/tree/podFilter';

const names = ['web-1', 'web-2', 'api-web', 'db-0'];
const match = (name?: string) => names.filter((n) => podFilterMatcher({ name })({ metadata: { name: n } }));

test('name filter: case-insensitive substring, or a whole-name glob', () => {
  assert.deepEqual(match(undefined), names);
  assert.deepEqual(match('WEB'), ['web-1', 'web-2', 'api-web']);
  assert.deepEqual(match('web-*'), ['web-1', 'web-2']);
  assert.deepEqual(match('*-?'), ['web-1', 'web-2', 'db-0']);
  assert.deepEqual(match('a.i'), [], 'regex characters are literal');
});

test('the filter is described for the view header', () => {
  assert.equal(describeFilter({}), undefined);
  assert.equal(describeFilter({ labelSelector: 'app=web' }), 'filter: app=web');
  assert.equal(describeFilter({ name: 'web', labelSelector: 'app=x' }), 'filter: app=x, name~web');
});
