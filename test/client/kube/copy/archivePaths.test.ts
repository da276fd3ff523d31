// kubectl cp's path rules (pkg/cmd/cp: stripPathShortcuts, getPrefix, isRelative), with its own test cases where
// it has them, and where an entry lands locally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { archivePrefix, isInside, placeEntry, stripPathShortcuts } from '../../../../client/src/kube/copy/archivePaths';

test('stripPathShortcuts removes leading ../ and / (kubectl TestStripPathShortcuts)', () => {
  const cases: [string, string][] = [
    ['test/foo/bar', 'test/foo/bar'],
    ['../../test/foo/bar', 'test/foo/bar'],
    ['../../../../test/foo/../bar/', 'test/bar'],
    ['..', ''],
    ['../..', ''],
    ['.', ''],
    ['/../tmp', 'tmp'],
    ['/tmp/../data/', 'data'],
  ];
  for (const [input, expected] of cases) assert.equal(stripPathShortcuts(input), expected, input);
});

test('the archive prefix is the container path as tar names it', () => {
  assert.equal(archivePrefix('/var/log/app.log'), 'var/log/app.log');
  assert.equal(archivePrefix('/data/'), 'data');
  assert.equal(archivePrefix('relative/x'), 'relative/x');
  assert.equal(archivePrefix('/'), '');
});

test('entries land under the destination; escapes and foreign names are told apart', () => {
  const dest = join('/home', 'me', 'out');
  assert.deepEqual(placeEntry('data/a/b.txt', 'data', dest), { kind: 'inside', localPath: join(dest, 'a', 'b.txt') });
  assert.deepEqual(placeEntry('data/', 'data', dest), { kind: 'inside', localPath: dest });
  assert.deepEqual(placeEntry('data/../../x', 'data', dest), { kind: 'outside', localPath: join('/home', 'x') });
  assert.deepEqual(placeEntry('database/x', 'data', dest), { kind: 'foreign' }, 'a whole path segment, not a string prefix');
  assert.deepEqual(placeEntry('/etc/passwd', '', dest), { kind: 'foreign' });
  assert.equal(isInside(dest, join(dest, '..', 'out2')), false);
  assert.equal(isInside(dest, join(dest, '..foo')), true, 'a name starting with two dots is still inside');
});
