// What packLocal writes, against GNU tar itself and against our own reader: the same bytes, names (long and non-ASCII)
// and links, progress in file bytes, and an archive that ends on a whole tar record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSize, packLocal, RECORD } from '../../../../client/src/kube/copy/localArchive';
import { LONG, readArchive, sampleTree, UNICODE } from './tarSamples';
import { tempDirs } from '../../../support/tempDirs';

const temp = tempDirs('podscope-pack-');

async function packed(localPath: string, name: string, onContent?: (n: number) => void): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of packLocal(localPath, name, onContent)) parts.push(p);
  return Buffer.concat(parts);
}

test('what packLocal writes, GNU tar unpacks to the same bytes, names and link', async () => {
  const root = sampleTree(temp());
  let content = 0;
  const archive = await packed(join(root, 'src'), 'copy', (n) => { content += n; });
  assert.equal(archive.length % RECORD, 0, 'padded to a whole record, so tar stops without end-of-input');
  assert.equal(content, 6 + 70_000 + 10 + 8);
  assert.equal(await contentSize(join(root, 'src')), content);
  const out = join(root, 'out');
  mkdirSync(out);
  execFileSync('tar', ['-xf', '-', '-C', out], { input: archive });
  execFileSync('diff', ['-r', '--no-dereference', join(root, 'src'), join(out, 'copy')]);
  assert.equal(execFileSync('readlink', [join(out, 'copy', 'link')]).toString().trim(), 'a.txt');
  assert.equal(readFileSync(join(out, 'copy', UNICODE), 'utf8'), 'unicode\n');
});

test('a single file is one entry named as the destination, and reads back through ArchiveReader', async () => {
  const root = sampleTree(temp());
  const archive = await packed(join(root, 'src', 'blob.bin'), 'renamed.bin');
  assert.equal(archive.length % RECORD, 0);
  const { entries, data, ended } = await readArchive(archive, 1000);
  assert.ok(ended);
  assert.deepEqual(entries.map((e) => [e.name, e.type, e.size]), [['renamed.bin', 'file', 70_000]]);
  assert.deepEqual(data.get('renamed.bin'), readFileSync(join(root, 'src', 'blob.bin')));
});

test('names and links longer than ustar holds travel in a pax record, for our reader and GNU tar', async () => {
  const root = temp();
  mkdirSync(join(root, 'src'));
  symlinkSync('x'.repeat(150), join(root, 'src', 'l'.repeat(120)));
  const name = LONG.split('/').slice(0, -1).join('/');
  const archive = await packed(join(root, 'src'), name);
  const { entries } = await readArchive(archive, 100);
  assert.deepEqual(entries.map((e) => [e.name, e.linkname, e.type]), [[`${name}/`, null, 'directory'], [`${name}/${'l'.repeat(120)}`, 'x'.repeat(150), 'symlink']]);
  const out = join(root, 'out');
  mkdirSync(out);
  execFileSync('tar', ['-xf', '-', '-C', out], { input: archive });
  assert.equal(execFileSync('readlink', [join(out, name, 'l'.repeat(120))]).toString().trim(), 'x'.repeat(150));
});

test('a file that shrinks while it is packed fails the archive instead of sending short data', async () => {
  const root = temp();
  const file = join(root, 'big.bin');
  writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, 1));
  let truncated = false;
  await assert.rejects(packed(file, 'big.bin', () => {
    if (!truncated) truncateSync(file, 1000);
    truncated = true;
  }), /"[^"]*big\.bin" shrank while it was copied/);
});
