// One diagnostic per problem: engine and API server reporting the same field become one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRegistry, type Finding } from '../../server/src/engine';
import { mergeFindings } from '../../server/src/exact/merge';

const registry = defaultRegistry();
const range = (line: number, a: number, b: number) => ({ start: { line, character: a }, end: { line, character: b } });
const f = (over: Partial<Finding>): Finding => ({ code: 'x', severity: 'error', message: 'm', path: '', document: 0, range: range(0, 0, 1), ...over });
const apiRule = registry.all().find((r) => r.category === 'api')!;
const runtimeRule = registry.all().find((r) => r.category === 'runtime')!;
const fix = { title: 'Fix it', edits: [{ range: range(5, 2, 4), newText: 'ok' }] };

test('an engine API finding at the API server\'s field becomes one: API words, engine range and fix', () => {
  const engine = f({ code: apiRule.code, path: 'spec.containers[0].ports[0].name', message: 'engine words', range: range(5, 2, 10), fixes: [fix] });
  const exact = f({ code: 'api-invalid', path: 'spec.containers[0].ports[0].name', message: 'Invalid value: "X": api words', range: range(5, 8, 10) });
  const merged = mergeFindings([engine], [exact], registry);
  assert.deepEqual(merged, [{ ...exact, range: engine.range, fixes: [fix] }]);
});

test('run-time advice at the same field stays beside the API server\'s error', () => {
  const engine = f({ code: runtimeRule.code, path: 'spec.containers[0].image', severity: 'error', message: 'advice' });
  const exact = f({ code: 'api-invalid', path: 'spec.containers[0].image', message: 'Required value' });
  assert.equal(mergeFindings([engine], [exact], registry).length, 2);
});

test('same path in another document, or another path, is not a duplicate', () => {
  const engine = [f({ code: apiRule.code, path: 'spec.a', document: 1 }), f({ code: apiRule.code, path: 'spec.b' })];
  const exact = [f({ code: 'api-invalid', path: 'spec.a', document: 0 })];
  assert.equal(mergeFindings(engine, exact, registry).length, 3);
});

test('an engine error and an API warning at one field are different problems', () => {
  const engine = f({ code: apiRule.code, path: 'spec.a', severity: 'error' });
  const exact = f({ code: 'api-warning', path: 'spec.a', severity: 'warning' });
  assert.equal(mergeFindings([engine], [exact], registry).length, 2);
});

test('two engine findings at one field pair with two API errors there, one each', () => {
  const engine = [f({ code: apiRule.code, path: 'spec.a', message: 'e1' }), f({ code: apiRule.code, path: 'spec.a', message: 'e2' })];
  const exact = [f({ code: 'api-invalid', path: 'spec.a', message: 'a1' }), f({ code: 'api-invalid', path: 'spec.a', message: 'a2' })];
  assert.deepEqual(mergeFindings(engine, exact, registry).map((x) => x.message), ['a1', 'a2']);
});

test('without API findings the engine\'s list is unchanged', () => {
  const engine = [f({ code: apiRule.code, path: 'spec.a' })];
  assert.deepEqual(mergeFindings(engine, [], registry), engine);
});

test('in a document the module validated, an engine API error it does not confirm is dropped; elsewhere it stays', () => {
  const engine = [
    f({ code: apiRule.code, path: 'spec.template.spec.hostname', document: 0 }),
    f({ code: apiRule.code, path: 'spec.template.spec.hostname', document: 1 }),
    f({ code: runtimeRule.code, path: 'spec.containers[0].image', document: 0, severity: 'warning' }),
  ];
  const merged = mergeFindings(engine, [], registry, new Set([0]));
  assert.deepEqual(merged.map((x) => [x.document, x.code]), [[1, apiRule.code], [0, runtimeRule.code]]);
});

test('an engine warning in the API server\'s own words merges with the api-warning at its field', () => {
  const engine = f({ code: runtimeRule.code, severity: 'warning', path: 'spec.containers[0].env[1]', message: 'hides previous definition of "A"', fixes: [fix] });
  const exact = f({ code: 'api-warning', severity: 'warning', path: 'spec.containers[0].env[1]', message: 'hides previous definition of "A"' });
  assert.deepEqual(mergeFindings([engine], [exact], registry), [{ ...exact, range: engine.range, fixes: [fix] }]);
});
