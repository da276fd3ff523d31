// The view's presentation of lines: raw passes everything through untouched, pretty renders JSON records, and the
// level filter keeps a stack trace with the error it belongs to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_JSON_KEYS } from '../../../../client/src/kube/logs/jsonLogLine';
import { levelOfText, levelOfValue } from '../../../../client/src/kube/logs/logLevel';
import { LinePresenter, logPresentation, type LogPresentation } from '../../../../client/src/kube/logs/logPresentation';

const MIXED = [
  '{"level":"info","msg":"starting","port":8080}',
  'plain INFO line from a library',
  '{"level":"error","msg":"request failed","path":"/x"}',
  'Traceback (most recent call last):',
  '  File "app.py", line 3',
  'W0102 03:04:05.000001   1 client.go:7] slow answer',
  'level=debug msg="cache miss"',
  '{"level":"warn","msg":"retrying"}',
  'a line with no level after a warning',
];

const present = (p: Partial<LogPresentation>) => {
  const presenter = new LinePresenter({ json: 'raw', minLevel: undefined, keys: DEFAULT_JSON_KEYS, ...p });
  return MIXED.map((l) => presenter.present(l)).filter((l) => l !== undefined);
};

test('raw with no filter is the log as written', () => {
  assert.deepEqual(present({}), MIXED);
});

test('pretty renders the JSON records and leaves text lines alone', () => {
  assert.deepEqual(present({ json: 'pretty' }), [
    'INFO  starting port=8080',
    'plain INFO line from a library',
    'ERROR request failed path=/x',
    'Traceback (most recent call last):',
    '  File "app.py", line 3',
    'W0102 03:04:05.000001   1 client.go:7] slow answer',
    'level=debug msg="cache miss"',
    'WARN  retrying',
    'a line with no level after a warning',
  ]);
});

test('the level filter keeps the more severe lines, with their continuation lines', () => {
  assert.deepEqual(present({ json: 'pretty', minLevel: 'error' }), [
    'ERROR request failed path=/x',
    'Traceback (most recent call last):',
    '  File "app.py", line 3',
  ]);
  assert.deepEqual(present({ minLevel: 'warn' }), [MIXED[2], MIXED[3], MIXED[4], MIXED[5], MIXED[7], MIXED[8]]);
  assert.equal(present({ minLevel: 'debug' }).length, MIXED.length);
});

test('levels in their common spellings', () => {
  assert.equal(levelOfValue('WARNING'), 'warn');
  assert.equal(levelOfValue(' Fatal '), 'error');
  assert.equal(levelOfValue(30), 'info');
  assert.equal(levelOfValue(10), 'debug');
  assert.equal(levelOfValue('verbose'), undefined);
  assert.equal(levelOfText('E0102 03:04:05.000001 1 x.go:1] boom'), 'error');
  assert.equal(levelOfText('2026-01-02 [warn] disk'), 'warn');
  assert.equal(levelOfText('the errors were handled'), undefined);
});

test('settings: malformed values fall back to the defaults', () => {
  assert.deepEqual(logPresentation({}), { json: 'pretty', minLevel: undefined, keys: DEFAULT_JSON_KEYS });
  const p = logPresentation({ render: 'raw', level: 'warn', message: ['m'], levelKeys: 'level', fields: [1] });
  assert.equal(p.json, 'raw');
  assert.equal(p.minLevel, 'warn');
  assert.deepEqual(p.keys.message, ['m']);
  assert.deepEqual(p.keys.level, DEFAULT_JSON_KEYS.level);
  assert.deepEqual(p.keys.fields, DEFAULT_JSON_KEYS.fields);
});
