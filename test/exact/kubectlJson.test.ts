// The object the module sees is the one kubectl would send (YAML 1.1 scalars, aliases expanded).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { kubectlJson } from '../../server/src/exact/kubectlJson';

test('plain yes/on/no read as booleans and 0o17, 1_000 as integers, as sigs.k8s.io/yaml reads them', () => {
  const doc = parseDocument('a: yes\nb: "yes"\nc: off\nd: 1_000\ne: 0o17\nf: 1.5\ng: ~\nh: web\n');
  assert.deepEqual(kubectlJson(doc), { a: true, b: 'yes', c: false, d: 1000, e: 15, f: 1.5, g: null, h: 'web' });
});

test('a plain number with a leading zero is octal, as strconv.ParseInt(s, 0, 64) reads it (file modes)', () => {
  const doc = parseDocument('a: 0700\nb: 0644\nc: -017\nd: 0\ne: 08\nf: "0700"\ng: 700\n');
  assert.deepEqual(kubectlJson(doc), { a: 448, b: 420, c: -15, d: 0, e: 8, f: '0700', g: 700 });
});

test('aliases expand; non-string keys become strings (a plain `y` key is the boolean true to kubectl)', () => {
  const doc = parseDocument('x: &l {app: web}\nz: *l\n80: port\ny: 1\n');
  assert.deepEqual(kubectlJson(doc), { x: { app: 'web' }, z: { app: 'web' }, 80: 'port', true: 1 });
});

test('a document whose aliases explode is refused, not expanded', () => {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
  assert.throws(() => kubectlJson(parseDocument(lines.join('\n'))), /too many nodes/);
});
