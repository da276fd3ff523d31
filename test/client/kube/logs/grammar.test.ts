// The log grammar's rules, compiled as JavaScript regular expressions (the constructs used are common to JS and
// Oniguruma), against the line shapes they are meant to colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule { match: string; name?: string; captures?: Record<string, { name: string }> }
const grammar = JSON.parse(readFileSync(join(__dirname, '../../../../syntaxes/podscope-log.tmLanguage.json'), 'utf8')) as {
  scopeName: string; patterns: { include: string }[]; repository: Record<string, Rule>;
};
const rules = Object.fromEntries(Object.entries(grammar.repository).map(([k, r]) => [k, new RegExp(r.match)]));

/** Which rule the grammar applies first at the earliest position of `text` (TextMate's choice). */
function firstRule(text: string): { rule: string; matched: string } | undefined {
  let best: { rule: string; matched: string; index: number } | undefined;
  for (const { include } of grammar.patterns) {
    const key = include.slice(1);
    const m = rules[key].exec(text);
    if (m && (!best || m.index < best.index)) best = { rule: key, matched: m[0], index: m.index };
  }
  return best && { rule: best.rule, matched: best.matched };
}

test('every rule compiles and every include exists', () => {
  assert.equal(grammar.scopeName, 'text.log.podscope');
  for (const { include } of grammar.patterns) assert.ok(grammar.repository[include.slice(1)], include);
});

test('prefix, timestamps and levels are recognised where they appear', () => {
  assert.deepEqual(firstRule('[pod/web-1/app] hello'), { rule: 'prefix', matched: '[pod/web-1/app]' });
  assert.deepEqual(firstRule('2026-01-02T03:04:05.123456789Z started'), { rule: 'timestamp', matched: '2026-01-02T03:04:05.123456789Z' });
  assert.deepEqual(firstRule('at 2026-01-02T03:04:05+02:00'), { rule: 'timestamp', matched: '2026-01-02T03:04:05+02:00' });
  assert.equal(firstRule('ERROR cannot connect')?.rule, 'error');
  assert.equal(firstRule('ts=1 level=error msg=x')?.rule, 'error');
  assert.equal(firstRule('{"level":"warn","msg":"slow"}')?.rule, 'warning');
  assert.equal(firstRule('[info] ready')?.rule, 'info');
  assert.equal(firstRule('DEBUG cache hit')?.rule, 'debug');
  assert.equal(firstRule('say "hi"')?.rule, 'string');
});

test('klog headers colour by their letter', () => {
  const m = rules.klog.exec('E0102 03:04:05.123456   1 main.go:10] boom');
  assert.ok(m);
  assert.equal(m[1], 'E');
  assert.equal(m[4], '0102 03:04:05.123456');
  assert.equal(rules.klog.exec('I0102 03:04:05.000001   1 x.go:1] ok')?.[3], 'I');
});

test('ordinary words are left alone', () => {
  assert.equal(firstRule('the errors were handled, information follows'), undefined);
  assert.equal(rules.error.exec('terror'), null);
});

test('the keys of key=value fields (logfmt, rendered JSON records) are coloured, not the values', () => {
  const line = '2026-01-02T03:04:05Z WARN  slow request path=/api took=1.2s user.id=7';
  const keys = [...line.matchAll(new RegExp(rules.field.source, 'g'))].map((m) => m[0]);
  assert.deepEqual(keys, ['path', 'took', 'user.id']);
  assert.equal(rules.field.exec('a==b c'), null, 'a key needs whitespace before it');
});
