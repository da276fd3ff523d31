import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareLogTime, parseLogTime, splitTimedLine, TimedLineParser } from '../../../../client/src/kube/logs/logTimestamp';

test('parses RFC3339 with nanoseconds and compares by time, not text', () => {
  const short = parseLogTime('2026-01-02T03:04:05.5Z');
  const long = parseLogTime('2026-01-02T03:04:05.123456789Z');
  assert.ok(short && long);
  assert.equal(short.nano, 500_000_000);
  assert.equal(long.nano, 123_456_789);
  assert.ok(compareLogTime(short, long) > 0, '.5 is later than .123456789 although it sorts first as text');
});

test('honours zone offsets', () => {
  const utc = parseLogTime('2026-01-02T01:04:05.000000001Z');
  const plus2 = parseLogTime('2026-01-02T03:04:05.000000001+02:00');
  assert.ok(utc && plus2);
  assert.equal(compareLogTime(utc, plus2), 0);
  assert.equal(utc.sec, Date.UTC(2026, 0, 2, 1, 4, 5) / 1000);
});

test('rejects text that is not a timestamp', () => {
  assert.equal(parseLogTime('hello'), undefined);
  assert.equal(parseLogTime('2026-01-02 03:04:05Z'), undefined);
  assert.equal(parseLogTime('2026-01-02T03:04:05'), undefined, 'a zone is required');
});

test('splits the timestamp from the text and keeps the text verbatim', () => {
  assert.deepEqual(splitTimedLine('2026-01-02T03:04:05.000000000Z  two spaces\r'), {
    ts: '2026-01-02T03:04:05.000000000Z',
    time: { sec: Date.UTC(2026, 0, 2, 3, 4, 5) / 1000, nano: 0 },
    text: ' two spaces\r',
  });
  assert.equal(splitTimedLine('2026-01-02T03:04:05.000000000Z ').text, '');
  const plain = splitTimedLine('no timestamp here');
  assert.equal(plain.time, undefined);
  assert.equal(plain.text, 'no timestamp here');
});

test('the caching parser gives the same answers as the plain one', () => {
  const parser = new TimedLineParser();
  const lines = [
    '2026-01-02T03:04:05.000000000Z a',
    '2026-01-02T03:04:05.000000000Z b',
    '2026-01-02T03:04:05.000000000Zc',
    '2026-01-02T03:04:05.000000001Z d',
    'plain',
    '2026-01-02T03:04:05.000000001Z',
  ];
  for (const line of lines) assert.deepEqual(parser.parse(line), splitTimedLine(line), line);
});

test('the same-second shortcut agrees with the plain parser on fractions, zones and malformed stamps', () => {
  const parser = new TimedLineParser();
  const stamps = [
    '2026-01-02T03:04:05Z', '2026-01-02T03:04:05.5Z', '2026-01-02T03:04:05.123456789Z', '2026-01-02T03:04:05.1234567890Z',
    '2026-01-02T03:04:05.Z', '2026-01-02T03:04:05.12+02:00', '2026-01-02T03:04:05.12-02:00', '2026-01-02T03:04:05.7z',
    '2026-01-02T03:04:05.000000001+02:00', '2026-01-02T03:04:05x', '2026-01-02T03:04:06.25Z', '2026-01-02T03:04:05.99Z',
  ];
  // Every order of neighbours matters (the cache holds the previous line's second), so walk pairs in both orders.
  for (const a of stamps) {
    for (const b of stamps) {
      for (const line of [`${a} first`, `${b} second`]) assert.deepEqual(parser.parse(line), splitTimedLine(line), `${a} then ${line}`);
    }
  }
});
