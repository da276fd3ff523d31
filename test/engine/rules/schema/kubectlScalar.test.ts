import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { jsonScalar } from '../../../../server/src/engine/rules/schema/kubectlScalar';

function scalar(source: string): Scalar {
  const node = parseDocument(`v: ${source}`).get('v', true);
  assert.ok(isScalar(node));
  return node;
}

test('jsonScalar: plain YAML 1.1 booleans are booleans for kubectl, quoted ones stay strings', () => {
  for (const s of ['yes', 'No', 'ON', 'off', 'y', 'N']) assert.deepEqual(jsonScalar(scalar(s)), { kind: 'bool', yaml11: true }, s);
  assert.deepEqual(jsonScalar(scalar('"yes"')), { kind: 'string' });
  assert.deepEqual(jsonScalar(scalar('true')), { kind: 'bool' });
});

test('jsonScalar: YAML 1.1 integers (underscores, binary) are numbers for kubectl', () => {
  assert.deepEqual(jsonScalar(scalar('1_000')), { kind: 'number', number: 1000, yaml11: true });
  assert.deepEqual(jsonScalar(scalar('0b101')), { kind: 'number', number: 5, yaml11: true });
  assert.deepEqual(jsonScalar(scalar('8080')), { kind: 'number', number: 8080 });
});

test('jsonScalar: nulls, strings and timestamps', () => {
  assert.deepEqual(jsonScalar(scalar('')), { kind: 'null' });
  assert.deepEqual(jsonScalar(scalar('~')), { kind: 'null' });
  assert.deepEqual(jsonScalar(scalar('nginx')), { kind: 'string' });
  assert.deepEqual(jsonScalar(scalar('2024-05-01T10:00:00Z')), { kind: 'string' });
  assert.deepEqual(jsonScalar(scalar('_')), { kind: 'string' });
});
