import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter } from '../../../../client/src/kube/logs/lineSplitter';

test('holds back an unfinished line until its newline arrives', () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push(Buffer.from('one\ntw')), ['one']);
  assert.deepEqual(s.push(Buffer.from('o\n\nthr')), ['two', '']);
  assert.equal(s.rest(), 'thr');
});

test('keeps a UTF-8 character split across chunks intact', () => {
  const bytes = Buffer.from('héllo ✓\n', 'utf8');
  const s = new LineSplitter();
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i++) out.push(...s.push(bytes.subarray(i, i + 1)));
  assert.deepEqual(out, ['héllo ✓']);
});

test('reset forgets a cut-off line', () => {
  const s = new LineSplitter();
  s.push(Buffer.from('complete\ncut-o'));
  s.reset();
  assert.deepEqual(s.push(Buffer.from('fresh\n')), ['fresh']);
  assert.equal(s.rest(), '');
});
