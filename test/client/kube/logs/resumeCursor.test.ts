import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResumeCursor } from '../../../../client/src/kube/logs/resumeCursor';
import { splitTimedLine } from '../../../../client/src/kube/logs/logTimestamp';

const L = (ts: string, text: string) => splitTimedLine(`${ts} ${text}`);
const T0 = '2026-01-02T03:04:05.100000000Z';
const T1 = '2026-01-02T03:04:05.200000000Z';
const T2 = '2026-01-02T03:04:06.000000000Z';

test('has no resume point until a timestamped line is seen', () => {
  const c = new ResumeCursor();
  assert.equal(c.sinceTime, undefined);
  c.admit(splitTimedLine('unstamped'));
  assert.equal(c.sinceTime, undefined);
  c.admit(L(T0, 'a'));
  assert.equal(c.sinceTime, T0);
});

test('on replay drops older lines and as many lines at the last timestamp as were seen', () => {
  const c = new ResumeCursor();
  for (const l of [L(T0, 'a'), L(T1, 'b1'), L(T1, 'b2')]) assert.equal(c.admit(l), true);
  assert.equal(c.sinceTime, T1);
  c.beginReplay();
  // The server replays from the whole second: a, b1, b2, then the new b3 at the same nanosecond, then c.
  const verdicts = [L(T0, 'a'), L(T1, 'b1'), L(T1, 'b2'), L(T1, 'b3'), L(T2, 'c')].map((l) => c.admit(l));
  assert.deepEqual(verdicts, [false, false, false, true, true]);
  assert.equal(c.sinceTime, T2);
});

test('a line later than the resume point ends the replay even if fewer equal lines came back', () => {
  const c = new ResumeCursor();
  c.admit(L(T1, 'x'));
  c.admit(L(T1, 'y'));
  c.beginReplay();
  assert.equal(c.admit(L(T1, 'x')), false);
  assert.equal(c.admit(L(T2, 'z')), true);
  assert.equal(c.admit(L(T1, 'late but after z')), true, 'replay is over once a new line was admitted');
});

test('the position never moves backwards', () => {
  const c = new ResumeCursor();
  c.admit(L(T1, 'b'));
  c.admit(L(T0, 'earlier stamp, later in the file'));
  assert.equal(c.sinceTime, T1);
});

test('equal instants written differently count as the same timestamp', () => {
  const c = new ResumeCursor();
  c.admit(L('2026-01-02T03:04:05.5Z', 'a'));
  c.admit(L('2026-01-02T03:04:05.500000000Z', 'b'));
  c.beginReplay();
  assert.equal(c.admit(L('2026-01-02T03:04:05.500000000Z', 'a')), false);
  assert.equal(c.admit(L('2026-01-02T03:04:05.500000000Z', 'b')), false);
  assert.equal(c.admit(L('2026-01-02T03:04:05.500000000Z', 'c')), true);
});

test('a stream that began with a tail: the replay\'s lines at the first timestamp that came before the tail are skipped too', () => {
  // kwok stamps a container's first three lines alike; tailLines=1 showed only the last of them.
  const c = new ResumeCursor(true);
  assert.equal(c.admit(L(T1, 'listening')), true);
  assert.equal(c.admit(L(T1, 'warning')), true);
  c.beginReplay();
  const verdicts = [L(T0, 'older'), L(T1, 'starting'), L(T1, 'listening'), L(T1, 'warning'), L(T1, 'new at the same instant'), L(T2, 'later')].map((l) => c.admit(l));
  assert.deepEqual(verdicts, [false, false, false, false, true, true]);
  // A second break: the same group replays again, now with the line admitted after the first.
  c.beginReplay();
  assert.deepEqual([L(T1, 'warning'), L(T2, 'later'), L(T2, 'next')].map((l) => c.admit(l)), [false, false, true]);
});

test('a tail-cut first group that grew after the first break still skips what was seen, and only that', () => {
  const c = new ResumeCursor(true);
  c.admit(L(T1, 'warning'));
  c.beginReplay();
  assert.deepEqual([L(T1, 'starting'), L(T1, 'warning'), L(T1, 'more')].map((l) => c.admit(l)), [false, false, true]);
  c.beginReplay();
  assert.deepEqual([L(T1, 'starting'), L(T1, 'warning'), L(T1, 'more'), L(T1, 'newest')].map((l) => c.admit(l)), [false, false, false, true]);
});

test('without a tail the count alone decides, so a repeated text at one instant is neither lost nor doubled', () => {
  const c = new ResumeCursor();
  c.admit(L(T1, 'same'));
  c.admit(L(T1, 'same'));
  c.beginReplay();
  assert.deepEqual([L(T1, 'same'), L(T1, 'same'), L(T1, 'same')].map((l) => c.admit(l)), [false, false, true]);
});
