// Copy To Container against a fake container that runs tar on this machine: into an existing directory or as a new
// name (kubectl's `test -d` rule), folders, a container that never passes on the end of input, and no tar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyToContainer } from '../../../../client/src/kube/copy/copyToContainer';
import { CopyCancelledError, CopyError } from '../../../../client/src/kube/copy/tarFailure';
import { fakeContainer } from '../fakes/fakeContainer';
import { tempDirs } from '../../../support/tempDirs';

const temp = tempDirs('podscope-upload-');

function setup(): { remote: string; local: string } {
  const root = temp();
  const remote = join(root, 'container');
  const local = join(root, 'local');
  mkdirSync(remote);
  mkdirSync(join(local, 'dir', 'sub'), { recursive: true });
  writeFileSync(join(local, 'file.bin'), Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 13) % 256)));
  writeFileSync(join(local, 'dir', 'a.txt'), 'a\n');
  writeFileSync(join(local, 'dir', 'sub', 'b.txt'), 'b\n');
  mkdirSync(join(local, 'dir', 'empty'));
  return { remote, local };
}

test('a file into an existing directory keeps its name; tar -xmf - -C <dir> unpacks it byte for byte', async () => {
  const { remote, local } = setup();
  const c = fakeContainer();
  const result = await copyToContainer(c.run, join(local, 'file.bin'), `${remote}/`);
  assert.deepEqual(c.commands, [['test', '-d', remote], ['tar', '-xmf', '-', '-C', remote]]);
  assert.equal(result.containerPath, join(remote, 'file.bin'));
  assert.deepEqual(readFileSync(join(remote, 'file.bin')), readFileSync(join(local, 'file.bin')));
  assert.equal(result.bytes, 200_000);
});

test('a destination that is not a directory is the new name', async () => {
  const { remote, local } = setup();
  const result = await copyToContainer(fakeContainer().run, join(local, 'file.bin'), join(remote, 'renamed.bin'));
  assert.equal(result.containerPath, join(remote, 'renamed.bin'));
  assert.deepEqual(readFileSync(join(remote, 'renamed.bin')), readFileSync(join(local, 'file.bin')));
});

test('a folder round-trips, empty folders included', async () => {
  const { remote, local } = setup();
  await copyToContainer(fakeContainer().run, join(local, 'dir'), join(remote, 'copied'));
  execFileSync('diff', ['-r', join(local, 'dir'), join(remote, 'copied')]);
  assert.ok(existsSync(join(remote, 'copied', 'empty')));
});

test('completes when the container never sees the end of input (kwok): the archive ends on a whole record', async () => {
  const { remote, local } = setup();
  const c = fakeContainer({ withholdEof: true });
  await copyToContainer(c.run, join(local, 'dir'), join(remote, 'copied'));
  await copyToContainer(c.run, join(local, 'file.bin'), remote);
  assert.deepEqual(readFileSync(join(remote, 'file.bin')), readFileSync(join(local, 'file.bin')));
  assert.equal(c.live, 0);
});

test('a container without tar gets a clear message', async () => {
  const { remote, local } = setup();
  await assert.rejects(copyToContainer(fakeContainer({ missing: ['tar'] }).run, join(local, 'file.bin'), remote), (err: unknown) => {
    assert.ok(err instanceof CopyError);
    assert.match(err.message, /^the container has no tar: /);
    return true;
  });
});

test('a missing local file, and a container directory that does not exist, are named', async () => {
  const { remote, local } = setup();
  await assert.rejects(copyToContainer(fakeContainer().run, join(local, 'nope'), remote), new CopyError(`${join(local, 'nope')} doesn't exist in local filesystem`));
  await assert.rejects(copyToContainer(fakeContainer().run, join(local, 'file.bin'), join(remote, 'no', 'such', 'x')), (err: unknown) =>
    err instanceof CopyError && err.message.startsWith(`tar failed (exit code 2): tar: ${join(remote, 'no', 'such')}: Cannot open: No such file or directory`));
});

test('cancel stops the upload and the tar in the container', async () => {
  const { remote, local } = setup();
  writeFileSync(join(local, 'big.bin'), Buffer.alloc(64 * 1024 * 1024, 1));
  const c = fakeContainer();
  const abort = new AbortController();
  await assert.rejects(
    copyToContainer(c.run, join(local, 'big.bin'), remote, { signal: abort.signal, progress: (b) => { if (b > 1_000_000) abort.abort(); } }),
    (err: unknown) => err instanceof CopyCancelledError,
  );
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(c.live, 0);
});
