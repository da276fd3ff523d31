// The tar codec against GNU tar itself: archives tar writes (ustar, GNU long names, pax, any chunking) read back
// byte for byte, and archives we write unpack in tar to the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCK, decodeHeader, encodeHeader, RECORD, TarFormatError, type TarEntry } from '../../../../client/src/kube/copy/tarHeader';
import { TarReader } from '../../../../client/src/kube/copy/tarReader';
import { packLocal } from '../../../../client/src/kube/copy/tarWriter';
import { tempDirs } from '../../../support/tempDirs';

const LONG = `${'deep-directory-name/'.repeat(8)}${'f'.repeat(120)}.txt`;

const temp = tempDirs('podscope-tar-');

function tree(): string {
  const root = temp();
  mkdirSync(join(root, 'src', 'empty'), { recursive: true });
  mkdirSync(join(root, 'src', ...LONG.split('/').slice(0, -1)), { recursive: true });
  writeFileSync(join(root, 'src', 'a.txt'), 'alpha\n');
  writeFileSync(join(root, 'src', 'blob.bin'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)));
  writeFileSync(join(root, 'src', LONG), 'long name\n');
  symlinkSync('a.txt', join(root, 'src', 'link'));
  return root;
}

function read(archive: Buffer, chunk: number): { entries: TarEntry[]; data: Map<string, Buffer>; ended: boolean } {
  const entries: TarEntry[] = [];
  const data = new Map<string, Buffer>();
  const reader = new TarReader((e) => {
    entries.push(e);
    const parts: Buffer[] = [];
    return { write: (d) => parts.push(Buffer.from(d)), end: () => data.set(e.name, Buffer.concat(parts)) };
  });
  for (let at = 0; at < archive.length; at += chunk) reader.push(archive.subarray(at, at + chunk));
  reader.end();
  return { entries, data, ended: reader.ended };
}

for (const format of ['gnu', 'pax', 'ustar']) {
  test(`reads what GNU tar writes (--format=${format}), in chunks of any size`, () => {
    const root = tree();
    // ustar cannot hold the long name at all: tar then skips it, so that format is checked without it.
    const names = format === 'ustar' ? ['src/a.txt', 'src/blob.bin', 'src/link', 'src/empty'] : ['src'];
    const archive = execFileSync('tar', [`--format=${format}`, '-cf', '-', '-C', root, ...names], { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
    for (const chunk of [1, 7, 511, 512, 513, 65_536]) {
      const { entries, data, ended } = read(archive, chunk);
      assert.ok(ended, `chunk ${chunk}: end marker seen`);
      assert.deepEqual(data.get('src/a.txt'), Buffer.from('alpha\n'));
      assert.deepEqual(data.get('src/blob.bin'), readFileSync(join(root, 'src', 'blob.bin')));
      const link = entries.find((e) => e.name === 'src/link');
      assert.deepEqual([link?.type, link?.linkname], ['symlink', 'a.txt']);
      assert.equal(entries.find((e) => e.name.replace(/\/$/, '') === 'src/empty')?.type, 'directory');
      if (format !== 'ustar') assert.deepEqual(data.get(`src/${LONG}`), Buffer.from('long name\n'), `chunk ${chunk}: the long name`);
    }
  });
}

test('what packLocal writes, GNU tar unpacks to the same bytes, names and link', async () => {
  const root = tree();
  const parts: Buffer[] = [];
  let content = 0;
  for await (const p of packLocal(join(root, 'src'), 'copy', (n) => { content += n; })) parts.push(p);
  const archive = Buffer.concat(parts);
  assert.equal(archive.length % RECORD, 0, 'padded to a whole record, so tar stops without end-of-input');
  assert.equal(content, 6 + 70_000 + 10);
  const out = join(root, 'out');
  mkdirSync(out);
  execFileSync('tar', ['-xf', '-', '-C', out], { input: archive });
  execFileSync('diff', ['-r', '--no-dereference', join(root, 'src'), join(out, 'copy')]);
  assert.equal(execFileSync('readlink', [join(out, 'copy', 'link')]).toString().trim(), 'a.txt');
});

test('a header round-trips, and a changed byte fails its checksum', () => {
  const entry: TarEntry = { name: 'dir/file.txt', type: 'file', size: 1234, mode: 0o755, mtime: 1_700_000_000, linkname: '' };
  const block = encodeHeader(entry);
  assert.equal(block.length, BLOCK);
  assert.deepEqual({ ...decodeHeader(block), flag: undefined }, { ...entry, flag: undefined });
  block[3] ^= 1;
  assert.throws(() => decodeHeader(block), (err: unknown) => err instanceof TarFormatError && /checksum/.test(err.message));
});

test('names and links longer than ustar holds travel in a pax record', () => {
  const entry: TarEntry = { name: LONG, type: 'symlink', size: 0, mode: 0o777, mtime: 0, linkname: 'x'.repeat(150) };
  const archive = Buffer.concat([encodeHeader(entry), Buffer.alloc(2 * BLOCK)]);
  const { entries } = read(archive, 100);
  assert.deepEqual(entries.map((e) => [e.name, e.linkname, e.type]), [[LONG, 'x'.repeat(150), 'symlink']]);
});

test('GNU base-256 sizes (files of 8 GiB and more) are read', () => {
  const block = encodeHeader({ name: 'huge', type: 'file', size: 0, mode: 0o644, mtime: 0, linkname: '' });
  const size = 9 * 2 ** 30;
  block.fill(0, 124, 136);
  block[124] = 0x80;
  block.writeUIntBE(size, 136 - 6, 6);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  assert.equal(decodeHeader(block).size, size);
});

test('a stream cut inside an entry, or before the end marker, is an error', () => {
  const root = tree();
  const archive = execFileSync('tar', ['-cf', '-', '-C', root, 'src/blob.bin']);
  for (const cut of [700, 512 + 70_000 + 100]) {
    const reader = new TarReader(() => undefined);
    reader.push(archive.subarray(0, cut));
    assert.equal(reader.ended, false);
    assert.throws(() => reader.end(), /the archive ended early/);
  }
});
