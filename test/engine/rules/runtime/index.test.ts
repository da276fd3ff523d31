import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runtimeRules } from '../../../../server/src/engine/rules/runtime';
import { defaultRegistry } from '../../../../server/src/engine';

test('runtime rules are self-describing: kebab-case code, one-line description ending in a period, https docUrl', () => {
  assert.ok(runtimeRules.length > 0);
  for (const r of runtimeRules) {
    assert.match(r.code, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, r.code);
    assert.equal(r.category, 'runtime', r.code);
    assert.match(r.description, /^\S.*\.$/, `${r.code}: description`);
    assert.ok(!r.description.includes('\n'), `${r.code}: one line`);
    assert.match(r.docUrl, /^https:\/\//, `${r.code}: docUrl`);
    assert.notEqual(r.severity, 'error', `${r.code}: the API server accepts what these rules report`);
  }
});

test('runtime rules are registered in the default registry', () => {
  const registry = defaultRegistry();
  for (const r of runtimeRules) assert.equal(registry.get(r.code), r, r.code);
});
