import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareQuantities, ERR_FORMAT_WRONG, ERR_NUMERIC, ERR_SUFFIX, parseQuantity, quantityToString, type Quantity,
} from '../../../server/src/engine/validation/quantity';

function q(s: string | number): Quantity {
  const r = parseQuantity(s);
  assert.ok(r.ok, `expected ${String(s)} to parse, got ${r.ok ? '' : r.error}`);
  return r.quantity;
}

function err(s: string | number): string {
  const r = parseQuantity(s);
  assert.equal(r.ok, false, `expected ${String(s)} to be rejected`);
  return r.ok ? '' : r.error;
}

test('quantity: decimal, binary, exponent and milli suffixes give exact values', () => {
  assert.deepEqual([q('500m').mantissa, q('500m').exponent], [500n, -3]);
  assert.equal(q('1Ki').mantissa, 1024n);
  assert.equal(q('3Ei').mantissa, 3n << 60n);
  assert.deepEqual([q('2e3').mantissa, q('2e3').exponent, q('2e3').format], [2n, 3, 'DecimalExponent']);
  assert.deepEqual([q('7E-2').mantissa, q('7E-2').exponent], [7n, -2]);
  assert.deepEqual([q('1.5').mantissa, q('1.5').exponent], [15n, -1]);
  assert.equal(q('-2').mantissa, -2n);
});

test('quantity: compares exactly across suffixes', () => {
  assert.equal(compareQuantities(q('1Gi'), q('1073741824')), 0);
  assert.equal(compareQuantities(q('1Gi'), q('1073741823')), 1);
  assert.equal(compareQuantities(q('100m'), q('0.1')), 0);
  assert.equal(compareQuantities(q('1G'), q('1Gi')), -1);
  assert.equal(compareQuantities(q('129e6'), q('123Mi')), 1);
  assert.equal(compareQuantities(q('-1'), q('1')), -1);
  assert.equal(compareQuantities(q('-2'), q('-1')), -1);
  // Beyond float precision: 2^63 + 1 vs 2^63 differ only in the last digit.
  assert.equal(compareQuantities(q('9223372036854775809'), q('9223372036854775808')), 1);
  // Far-apart exponents are compared without building 10^1000000.
  assert.equal(compareQuantities(q('1e1000000'), q('999999999999P')), 1);
});

test('quantity: YAML numbers parse like their JSON text', () => {
  assert.equal(compareQuantities(q(0.5), q('500m')), 0);
  assert.equal(compareQuantities(q(1e21), q('1000E')), 0);
  assert.equal(compareQuantities(q(2), q('2')), 0);
});

test('quantity: values below one nano round up, BinarySI caps at MaxInt64', () => {
  assert.equal(quantityToString(q('0.0000000001')), '1n');
  assert.equal(quantityToString(q('1e-12')), '1e-9');
  assert.equal(compareQuantities(q('1e-1000000000'), q('1n')), 0);
  assert.equal(compareQuantities(q('100000000Ei'), q('9223372036854775807')), 0);
});

test('quantity: String() keeps canonical input and canonicalizes the rest', () => {
  const cases: Array<[string, string]> = [
    ['1', '1'], ['500m', '500m'], ['1000m', '1'], ['0.5', '500m'], ['1.5', '1500m'], ['1Gi', '1Gi'],
    ['8Gi', '8Gi'], ['1.5Gi', '1536Mi'], ['2048Ki', '2Mi'], ['0.5Ki', '512'], ['2e3', '2e3'], ['2000e0', '2e3'],
    ['1k', '1k'], ['1000', '1k'], ['0', '0'], ['0.0', '0'], ['+500m', '+500m'],
  ];
  for (const [input, out] of cases) assert.equal(quantityToString(q(input)), out, input);
});

test('quantity: invalid strings get the API server error text', () => {
  assert.equal(err(''), ERR_FORMAT_WRONG);
  assert.equal(err('abc'), ERR_FORMAT_WRONG);
  assert.equal(err('1.2.3'), ERR_FORMAT_WRONG);
  assert.equal(err('10 Gi'), ERR_FORMAT_WRONG);
  assert.equal(err('1x'), ERR_FORMAT_WRONG);
  assert.equal(err('5i'), ERR_SUFFIX);
  assert.equal(err('1GB'), ERR_FORMAT_WRONG);
  assert.equal(err('1e'), ERR_SUFFIX);
  assert.equal(err('1ee5'), ERR_SUFFIX);
  assert.equal(err('1e99999999999999999999'), ERR_SUFFIX);
  assert.equal(err('Ei'), ERR_NUMERIC);
  assert.equal(err(Infinity), ERR_FORMAT_WRONG);
  assert.match(ERR_FORMAT_WRONG, /^quantities must match the regular expression '\^\(\[\+-\]\?\[0-9\.\]\+\)/);
});

test('quantity: Go oddities are kept (a bare sign or dot is zero)', () => {
  assert.equal(q('-').mantissa, 0n);
  assert.equal(q('.').mantissa, 0n);
  assert.equal(q('Ki').mantissa, 0n);
});
