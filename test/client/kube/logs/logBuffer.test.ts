import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogBuffer } from '../../../../client/src/kube/logs/logBuffer';

test('text ends every line with a newline unless the last is unterminated', () => {
  const b = new LogBuffer(100);
  assert.equal(b.text(), '');
  b.append(['a', '', 'c']);
  assert.equal(b.text(), 'a\n\nc\n');
  b.append(['d'], true);
  assert.equal(b.text(), 'a\n\nc\nd');
});

test('a first empty line is kept', () => {
  const b = new LogBuffer(100);
  b.append(['']);
  b.append(['x']);
  assert.equal(b.text(), '\nx\n');
});

test('past the cap the oldest lines go in one block and the count never exceeds the cap', () => {
  const b = new LogBuffer(10);
  for (let i = 0; i < 10; i++) b.append([`l${i}`]);
  assert.equal(b.lineCount, 10);
  b.append(['l10']);
  assert.equal(b.lineCount, 9);
  assert.equal(b.dropped, 2);
  assert.equal(b.text(), ['l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10', ''].join('\n'));
  b.append(Array.from({ length: 25 }, (_, i) => `m${i}`));
  assert.equal(b.lineCount, 9);
  assert.equal(b.text().split('\n')[0], 'm16');
});

test('clear empties it and a lower cap trims at once', () => {
  const b = new LogBuffer(100);
  b.append(Array.from({ length: 50 }, (_, i) => `${i}`));
  b.setMaxLines(20);
  assert.equal(b.lineCount, 18);
  assert.ok(b.text().startsWith('32\n'));
  b.clear();
  assert.equal(b.text(), '');
  assert.equal(b.dropped, 0);
  assert.throws(() => new LogBuffer(0), /maxLines must be at least 1/);
});
