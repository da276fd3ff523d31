import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_LINES, durationError, logDefaults, parseDuration, tailError } from '../../../../client/src/kube/logs/logDefaults';

test('durations in kubectl --since form', () => {
  assert.equal(parseDuration('30s'), 30);
  assert.equal(parseDuration('10m'), 600);
  assert.equal(parseDuration('1h30m'), 5400);
  assert.equal(parseDuration(' 2d '), 172800);
  for (const bad of ['', '10', 'm', '1.5h', '-5m', '5 m', '0s']) assert.equal(parseDuration(bad), undefined, bad);
  assert.equal(durationError(''), undefined);
  assert.match(durationError('soon') ?? '', /like 30s, 5m/);
});

test('tail input accepts positive counts or nothing', () => {
  assert.equal(tailError(''), undefined);
  assert.equal(tailError('500'), undefined);
  for (const bad of ['0', '-1', 'ten', '1e3']) assert.match(tailError(bad) ?? '', /greater than 0/, bad);
});

test('settings become defaults, bad values falling back', () => {
  assert.deepEqual(logDefaults({}), { follow: true, timestamps: false, tailLines: undefined, sinceSeconds: undefined, maxLines: DEFAULT_MAX_LINES, maxLogRequests: 5 });
  assert.deepEqual(
    logDefaults({ follow: false, timestamps: true, tailLines: 200, since: '5m', maxLines: 5000, maxLogRequests: 12 }),
    { follow: false, timestamps: true, tailLines: 200, sinceSeconds: 300, maxLines: 5000, maxLogRequests: 12 },
  );
  assert.equal(logDefaults({ tailLines: -1 }).tailLines, undefined, '-1: the whole log');
  assert.equal(logDefaults({ tailLines: 2.5 }).tailLines, undefined);
  assert.equal(logDefaults({ maxLines: 10 }).maxLines, 1000, 'a floor keeps a view useful');
  assert.equal(logDefaults({ since: 'yesterday' }).sinceSeconds, undefined);
});
