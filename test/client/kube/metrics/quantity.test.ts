// Quantities parsed exactly and rounded as kubectl top rounds (resource.Quantity's MilliValue and Value round up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, cpuMillis, memoryMiB, parseQuantity, type Fraction } from '../../../../client/src/kube/metrics/quantity';

const q = (text: string): Fraction => {
  const parsed = parseQuantity(text);
  assert.ok(parsed, `${text} parses`);
  return parsed;
};

test('CPU in millicores, rounded up: nanocores as metrics-server sends them, plain and decimal forms', () => {
  const cases: [string, number][] = [
    ['12000000n', 12], ['12000001n', 13], ['11999999n', 12], ['0', 0], ['1n', 1],
    ['250m', 250], ['0.5', 500], ['1', 1000], ['2k', 2_000_000], ['1e-3', 1], ['1.5e2', 150_000], ['1500u', 2],
  ];
  for (const [text, millis] of cases) assert.equal(cpuMillis(q(text)), millis, text);
});

test('memory in MiB: bytes rounded up, then whole MiB rounded down, as kubectl top prints', () => {
  const cases: [string, number][] = [
    ['30Mi', 30], ['31457280', 30], ['31457279', 29], ['1Gi', 1024], ['30720Ki', 30], ['100M', 95], ['1048575.5', 1], ['0', 0],
  ];
  for (const [text, mib] of cases) assert.equal(memoryMiB(q(text)), mib, text);
});

test('a sum is rounded once: three 333.3334m containers make a 1001m pod, not 1002m', () => {
  const each = q('333333334n');
  assert.equal(cpuMillis(each), 334);
  assert.equal(cpuMillis(add(add(each, each), each)), 1001);
  assert.equal(memoryMiB(add(q('512Ki'), q('524288'))), 1, 'binary and plain forms add exactly');
});

test('text that is not a quantity is refused, not read as zero', () => {
  for (const text of ['', 'abc', '12x', '1.2.3', 'Mi', '--1']) assert.equal(parseQuantity(text), undefined, JSON.stringify(text));
  assert.equal(parseQuantity(undefined), undefined);
});
