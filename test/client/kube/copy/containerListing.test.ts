// Reading a container's files for the podscope-container: file system, through a fake container running the same
// shell commands on this machine: odd names survive, types and symlinks are told, missing paths are "not found".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContainerPathError, listDirectory, readContainerFile, statPath } from '../../../../client/src/kube/copy/containerListing';
import { containerAuthority, parseContainerLocation } from '../../../../client/src/kube/copy/containerUri';
import { formatBytes, progressReporter, type ProgressStep } from '../../../../client/src/kube/copy/copyProgress';
import { fakeContainer } from '../fakes/fakeContainer';
import { tempDirs } from '../../../support/tempDirs';

const temp = tempDirs('podscope-browse-');

function container(): string {
  const root = temp();
  mkdirSync(join(root, 'etc'));
  writeFileSync(join(root, 'etc', 'app.conf'), 'port = 8080\n');
  writeFileSync(join(root, 'with space\nand newline'), 'x');
  writeFileSync(join(root, '.hidden'), 'h');
  symlinkSync('etc', join(root, 'conf'));
  symlinkSync('missing', join(root, 'dangling'));
  return root;
}

test('lists a directory: hidden files, names with spaces and newlines, symlinks and their targets\' types', async () => {
  const root = container();
  const entries = await listDirectory(fakeContainer().run, root);
  const byName = new Map(entries.map((e) => [e.name, e]));
  assert.deepEqual([...byName.keys()].sort(), ['.hidden', 'conf', 'dangling', 'etc', 'with space\nand newline'].sort());
  assert.deepEqual(byName.get('etc'), { name: 'etc', type: 'directory', symlink: false });
  assert.deepEqual(byName.get('conf'), { name: 'conf', type: 'directory', symlink: true });
  assert.deepEqual(byName.get('dangling'), { name: 'dangling', type: 'other', symlink: true });
  assert.deepEqual(byName.get('with space\nand newline'), { name: 'with space\nand newline', type: 'file', symlink: false });
});

test('stat and read a file; a missing path is "not found", not a failure', async () => {
  const root = container();
  const run = fakeContainer().run;
  const s = await statPath(run, join(root, 'etc', 'app.conf'));
  assert.deepEqual(s, { type: 'file', size: 12, mtime: Math.floor(statSync(join(root, 'etc', 'app.conf')).mtimeMs / 1000) * 1000 });
  assert.equal((await statPath(run, join(root, 'conf'))).type, 'directory');
  assert.deepEqual(Buffer.from(await readContainerFile(run, join(root, 'etc', 'app.conf'))), readFileSync(join(root, 'etc', 'app.conf')));
  await assert.rejects(statPath(run, join(root, 'nope')), (err: unknown) => err instanceof ContainerPathError && err.notFound);
  await assert.rejects(listDirectory(run, join(root, 'nope')), (err: unknown) => err instanceof ContainerPathError && err.notFound);
  await assert.rejects(readContainerFile(run, join(root, 'etc')), (err: unknown) =>
    err instanceof ContainerPathError && !err.notFound && /^reading .*etc: cat: .*etc: Is a directory$/.test(err.message));
});

test('a container without a shell cannot be listed, and says so', async () => {
  await assert.rejects(listDirectory(fakeContainer({ missing: ['sh'] }).run, '/'), (err: unknown) =>
    err instanceof ContainerPathError && /^listing \/: [\s\S]*exec: "sh": executable file not found/.test(err.message));
});

test('a URI\'s authority carries context, namespace, pod and container, whatever characters they hold', () => {
  const at = { contextName: 'admin@prod:443/x+y', namespace: 'team-a', pod: 'web-0', container: 'app' };
  const authority = containerAuthority(at);
  assert.doesNotMatch(authority, /[@:/]/);
  assert.deepEqual(parseContainerLocation(authority, '/var/log'), { ...at, path: '/var/log' });
  assert.deepEqual(parseContainerLocation(authority, ''), { ...at, path: '/' });
  assert.equal(parseContainerLocation('just-a-host', '/'), undefined);
});

test('progress: bytes of the total with the file, throttled to one step per 100 ms, increments adding to 100', () => {
  const steps: ProgressStep[] = [];
  let now = 0;
  const report = progressReporter((s) => steps.push(s), () => now);
  for (let b = 0; b <= 50 * 1024 * 1024; b += 1024 * 1024) { report(b, 50 * 1024 * 1024, 'big.bin'); now += 30; }
  report(50 * 1024 * 1024, 50 * 1024 * 1024, 'big.bin');
  assert.ok(steps.length > 10 && steps.length < 25, `${steps.length} steps for 51 reports 30 ms apart`);
  assert.equal(steps.at(-1)?.message, '50 MiB of 50 MiB — big.bin');
  assert.equal(Math.round(steps.reduce((sum, s) => sum + (s.increment ?? 0), 0)), 100);
  assert.deepEqual([formatBytes(512), formatBytes(1536), formatBytes(3 * 1024 ** 3)], ['512 B', '1.5 KiB', '3.0 GiB']);
});
