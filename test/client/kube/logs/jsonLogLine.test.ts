// JSON log records rendered as `time LEVEL message key=value …`, for the encoders people use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_JSON_KEYS, parseJsonRecord, renderJsonRecord } from '../../../../client/src/kube/logs/jsonLogLine';

const render = (line: string, keys = DEFAULT_JSON_KEYS) => {
  const record = parseJsonRecord(line);
  assert.ok(record, line);
  return renderJsonRecord(record, keys);
};

test('only JSON objects are records', () => {
  for (const text of ['plain text', '[1,2]', '"a string"', '42', '{broken', '{"a":1} trailing', '', 'null']) {
    assert.equal(parseJsonRecord(text), undefined, text);
  }
  assert.deepEqual(parseJsonRecord('  {"a":1}'), { a: 1 });
});

test('zap, logrus, pino and Cloud Logging records read alike', () => {
  assert.deepEqual(render('{"level":"info","ts":1733472000.5,"caller":"main.go:12","msg":"listening","port":8080}'),
    { text: '1733472000.5 INFO  listening caller=main.go:12 port=8080', level: 'info' });
  assert.deepEqual(render('{"level":"warning","msg":"slow query","time":"2026-12-06T06:00:00Z","took":"1.2 s"}'),
    { text: '2026-12-06T06:00:00Z WARN  slow query took="1.2 s"', level: 'warn' });
  assert.deepEqual(render('{"level":50,"time":1733472000000,"pid":7,"msg":"boom","err":{"type":"Error"}}'),
    { text: '1733472000000 ERROR boom pid=7 err={"type":"Error"}', level: 'error' });
  assert.deepEqual(render('{"severity":"DEBUG","message":"cache hit","key":"a=b"}'),
    { text: 'DEBUG cache hit key="a=b"', level: 'debug' });
});

test('an unknown level is shown as written; a record without message, level or time shows its fields', () => {
  assert.deepEqual(render('{"level":"verbose","msg":"x"}'), { text: 'VERBOSE x', level: undefined });
  assert.deepEqual(render('{"a":1,"b":"two","c":null,"d":""}'), { text: 'a=1 b=two c=null d=""', level: undefined });
});

test('chosen fields come in the chosen order and the others are left out', () => {
  const keys = { ...DEFAULT_JSON_KEYS, fields: ['status', 'path', 'absent'] };
  assert.equal(render('{"msg":"done","path":"/x","user":"u","status":200}', keys).text, 'done status=200 path=/x');
});

test('custom keys for message, level and time', () => {
  const keys = { message: ['event'], level: ['sev'], time: ['at'], fields: [] };
  assert.equal(render('{"at":"t0","sev":"err","event":"failed","msg":"kept as a field"}', keys).text, 't0 ERROR failed msg="kept as a field"');
});
