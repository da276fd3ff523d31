import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogMerger } from '../../../../client/src/kube/logs/logMerger';
import { splitTimedLine } from '../../../../client/src/kube/logs/logTimestamp';

const at = (s: number, text: string) => splitTimedLine(`2026-01-02T03:04:${String(s).padStart(2, '0')}.000000000Z ${text}`);
const texts = (out: { line: { text: string } }[]) => out.map((o) => o.line.text);

test('interleaves by timestamp once every source has spoken', () => {
  const now = 0;
  const m = new LogMerger(2, 1000, () => now);
  m.push(0, [at(1, 'a1'), at(3, 'a3'), at(5, 'a5')]);
  assert.deepEqual(m.drain(), [], 'source 1 may still send something older');
  m.push(1, [at(2, 'b2'), at(4, 'b4')]);
  assert.deepEqual(texts(m.drain()), ['a1', 'b2', 'a3', 'b4'], 'a5 waits: source 1 could still send 4.5');
  m.end(1);
  assert.deepEqual(texts(m.drain()), ['a5']);
});

test('a quiet source stops holding the others back', () => {
  let now = 0;
  const m = new LogMerger(2, 500, () => now);
  m.push(0, [at(1, 'a1')]);
  now = 499;
  assert.deepEqual(m.drain(), []);
  now = 500;
  assert.deepEqual(texts(m.drain()), ['a1']);
});

test('ties keep source order and unstamped lines stay after their predecessor', () => {
  const m = new LogMerger(2, 1000, () => 0);
  m.push(0, [at(1, 'a1'), splitTimedLine('unstamped'), at(2, 'a2')]);
  m.push(1, [at(1, 'b1'), at(2, 'b2')]);
  assert.deepEqual(texts(m.drainAll()), ['a1', 'unstamped', 'b1', 'a2', 'b2']);
});

test('drainAll releases everything regardless of quiet sources', () => {
  const m = new LogMerger(3, 10_000, () => 0);
  m.push(2, [at(3, 'c3')]);
  m.push(0, [at(4, 'a4')]);
  assert.deepEqual(m.drain(), []);
  assert.deepEqual(texts(m.drainAll()), ['c3', 'a4']);
});

test('a source that joins late holds the others back until its backlog arrives or it is quiet', () => {
  let now = 0;
  const m = new LogMerger(1, 500, () => now);
  m.push(0, [at(1, 'a1'), at(4, 'a4')]);
  assert.deepEqual(texts(m.drain()), ['a1', 'a4'], 'alone, a source is released at once');
  m.push(0, [at(6, 'a6'), at(8, 'a8')]);
  now = 1000;
  const late = m.add();
  assert.equal(late, 1);
  assert.deepEqual(m.drain(), [], 'the new source was just heard from: its backlog may be older than a6');
  m.push(late, [at(5, 'b5'), at(7, 'b7')]);
  assert.deepEqual(texts(m.drain()), ['b5', 'a6', 'b7'], 'interleaved; a8 waits for b');
  const quiet = m.add();
  now = 1499;
  assert.deepEqual(m.drain(), [], 'a second late source holds back too');
  now = 1500;
  assert.deepEqual(texts(m.drain()), ['a8']);
  m.push(quiet, [at(9, 'c9')]);
  m.end(0);
  m.end(late);
  assert.deepEqual(texts(m.drain()), ['c9']);
});
