// Copy From Container against a fake container that runs tar on this machine: byte-identical files and folders, and
// every way a copy can go wrong leaves no local file (not even a temporary one) and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFromContainer } from '../../../../client/src/kube/copy/copyFromContainer';
import { CopyCancelledError, CopyError } from '../../../../client/src/kube/copy/tarFailure';
import { pack } from 'tar-stream';
import type { RunInContainer } from '../../../../client/src/kube/copy/containerProcess';
import { fakeContainer } from '../fakes/fakeContainer';
import { tempDirs } from '../../../support/tempDirs';

const temp = tempDirs('podscope-copy-');

/** A "container" folder (the fake runs tar on this machine, so its paths are local) and an empty local one. */
function setup(): { remote: string; local: string } {
  const root = temp();
  const remote = join(root, 'container');
  const local = join(root, 'local');
  mkdirSync(join(remote, 'dir', 'sub'), { recursive: true });
  mkdirSync(local);
  writeFileSync(join(remote, 'file.bin'), Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256)));
  writeFileSync(join(remote, 'dir', 'a.txt'), 'a\n');
  writeFileSync(join(remote, 'dir', 'sub', 'b.txt'), 'b\n');
  symlinkSync('/etc/passwd', join(remote, 'dir', 'escape'));
  return { remote, local };
}

test('copies a file byte for byte, with progress, by running tar cf - <path>', async () => {
  const { remote, local } = setup();
  const c = fakeContainer({ chunkSize: 1000 });
  const seen: number[] = [];
  const result = await copyFromContainer(c.run, join(remote, 'file.bin'), join(local, 'copy.bin'), { progress: (b) => seen.push(b) });
  assert.deepEqual(c.commands, [['tar', 'cf', '-', join(remote, 'file.bin')]]);
  assert.deepEqual(readFileSync(join(local, 'copy.bin')), readFileSync(join(remote, 'file.bin')));
  assert.deepEqual([result.bytes, result.files], [300_000, 1]);
  assert.equal(seen.at(-1), 300_000);
  assert.ok(seen.length > 10, 'progress while it streams');
  assert.deepEqual(readdirSync(local), ['copy.bin'], 'no temporary file left');
});

test('copies a folder: the destination becomes the folder, symlinks are skipped with a warning as kubectl does', async () => {
  const { remote, local } = setup();
  const result = await copyFromContainer(fakeContainer().run, join(remote, 'dir'), join(local, 'out'));
  assert.equal(readFileSync(join(local, 'out', 'a.txt'), 'utf8'), 'a\n');
  assert.equal(readFileSync(join(local, 'out', 'sub', 'b.txt'), 'utf8'), 'b\n');
  assert.deepEqual(readdirSync(join(local, 'out')).sort(), ['a.txt', 'sub']);
  assert.deepEqual(result.warnings, [`skipping symlink: "${join(local, 'out', 'escape')}" -> "/etc/passwd"`]);
});

/** A container whose tar prints `archive` and exits 0. */
function serving(archive: Buffer): RunInContainer {
  return async (_command, out) => {
    out.stdout(archive);
    const done = Promise.resolve({ kind: 'exited', exitCode: 0 } as const);
    return { write() {}, unsent: 0, endInput() {}, close() {}, done, closed: Promise.resolve() };
  };
}

/** An archive as tar-stream writes it, with the names given (however hostile). */
async function archiveOf(files: { name: string; data: string }[]): Promise<Buffer> {
  const archive = pack();
  for (const f of files) archive.entry({ name: f.name, mode: 0o644, mtime: new Date(0) }, f.data);
  archive.finalize();
  const parts: Buffer[] = [];
  for await (const part of archive as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

test('an archive naming files outside the destination writes only inside it', async () => {
  const { local } = setup();
  const dest = join(local, 'out');
  const result = await copyFromContainer(serving(await archiveOf([
    { name: 'data/ok.txt', data: 'fine' },
    { name: 'data/../../../../../../tmp/podscope-evil.txt', data: 'evil' },
    { name: 'data/sub/../../../sibling.txt', data: 'evil' },
  ])), '/data', dest);
  assert.equal(readFileSync(join(dest, 'ok.txt'), 'utf8'), 'fine');
  assert.deepEqual(readdirSync(local), ['out']);
  assert.deepEqual(readdirSync(dest), ['ok.txt']);
  assert.equal(result.warnings.length, 2);
  assert.match(result.warnings[0], /is outside target destination, skipping$/);
});

test('an entry that is not under the copied path is refused as kubectl refuses it, and nothing is kept', async () => {
  const { local } = setup();
  await assert.rejects(
    copyFromContainer(serving(await archiveOf([{ name: 'data/ok.txt', data: 'fine' }, { name: 'etc/cron.d/x', data: 'evil' }])), '/data', join(local, 'out')),
    /tar contents corrupted/,
  );
  assert.deepEqual(readdirSync(local), []);
});

test('a container without tar gets a clear message, whether the runtime or a shell says so', async () => {
  const { remote, local } = setup();
  await assert.rejects(copyFromContainer(fakeContainer({ missing: ['tar'] }).run, join(remote, 'file.bin'), join(local, 'x')), (err: unknown) => {
    assert.ok(err instanceof CopyError);
    assert.match(err.message, /^the container has no tar: .*exec: "tar": executable file not found in \$PATH$/);
    return true;
  });
  const viaShell: RunInContainer = (command, out) => fakeContainer().run(['env', 'PATH=/nonexistent', ...command], out);
  await assert.rejects(copyFromContainer(viaShell, join(remote, 'file.bin'), join(local, 'x')), /^CopyError: the container has no tar: env: .*tar.*No such file or directory$/);
  assert.deepEqual(readdirSync(local), []);
});

test('tar failing in the container (a missing path) reports its own message and writes nothing', async () => {
  const { remote, local } = setup();
  await assert.rejects(copyFromContainer(fakeContainer().run, join(remote, 'nope'), join(local, 'x')), (err: unknown) => {
    assert.ok(err instanceof CopyError);
    // GNU tar's own words, without its routine "Removing leading /" and "Exiting with failure status" lines.
    assert.equal(err.message, `tar failed (exit code 2): tar: ${join(remote, 'nope')}: Cannot stat: No such file or directory`);
    return true;
  });
  assert.deepEqual(readdirSync(local), []);
});

test('a stream cut short with a clean exit status is an error, not a short file', async () => {
  const { remote, local } = setup();
  await assert.rejects(copyFromContainer(fakeContainer({ cutStdoutAfter: 2_000 }).run, join(remote, 'dir'), join(local, 'out')), /the archive ended early/);
  await assert.rejects(copyFromContainer(fakeContainer({ cutStdoutAfter: 100_000 }).run, join(remote, 'file.bin'), join(local, 'copy.bin')), /the archive ended early/);
  assert.deepEqual(readdirSync(local), [], 'no partial file, no temporary file, no created folder');
});

test('cancel stops tar and removes what was written so far', async () => {
  const { remote, local } = setup();
  const big = join(remote, 'big.bin');
  writeFileSync(big, Buffer.alloc(64 * 1024 * 1024, 7));
  const c = fakeContainer();
  const abort = new AbortController();
  const copy = copyFromContainer(c.run, big, join(local, 'big.bin'), { signal: abort.signal, progress: (b) => { if (b > 1_000_000) abort.abort(); } });
  await assert.rejects(copy, (err: unknown) => err instanceof CopyCancelledError);
  assert.deepEqual(readdirSync(local), []);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(c.live, 0, 'the tar in the container was stopped');
});

test('the pod deleted while copying ends the copy with a message naming it, and no file', async () => {
  const { remote, local } = setup();
  const big = join(remote, 'big.bin');
  writeFileSync(big, Buffer.alloc(64 * 1024 * 1024, 7));
  let deleted: (() => void) | undefined;
  let stopped = false;
  const copy = copyFromContainer(fakeContainer().run, big, join(local, 'big.bin'), {
    podName: 'web',
    watchDeletion: async (onDeleted) => { deleted = onDeleted; return { stop: () => { stopped = true; } }; },
    progress: (b) => { if (b > 1_000_000) deleted?.(); },
  });
  await assert.rejects(copy, (err: unknown) => err instanceof CopyError && err.message === 'pod "web" was deleted while copying');
  assert.deepEqual(readdirSync(local), []);
  assert.ok(stopped, 'the watch is stopped');
});
