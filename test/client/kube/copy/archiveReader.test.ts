// Reading the container's archive against GNU tar itself: what tar writes (ustar, GNU long names, pax, any chunking)
// reads back byte for byte; a corrupted header is refused; and an archive that stops anywhere short of its end marker —
// even between two entries, which tar-stream alone accepts — is an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveReader, TarFormatError } from '../../../../client/src/kube/copy/archiveReader';
import { LONG, readArchive, sampleTree, UNICODE } from './tarSamples';
import { tempDirs } from '../../../support/tempDirs';

const temp = tempDirs('podscope-tar-');

function gnuTar(args: string[]): Buffer {
  return execFileSync('tar', args, { maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'ignore'] });
}

for (const format of ['gnu', 'pax', 'ustar']) {
  test(`reads what GNU tar writes (--format=${format}), in chunks of any size`, async () => {
    const root = sampleTree(temp());
    // ustar cannot hold the long name at all: tar then skips it, so that format is checked without it.
    const names = format === 'ustar' ? ['src/a.txt', 'src/blob.bin', 'src/link', 'src/empty', `src/${UNICODE}`] : ['src'];
    const archive = gnuTar([`--format=${format}`, '-cf', '-', '-C', root, ...names]);
    for (const chunk of [1, 7, 511, 512, 513, 65_536]) {
      const { entries, data, ended } = await readArchive(archive, chunk);
      assert.ok(ended, `chunk ${chunk}: end marker seen`);
      assert.deepEqual(data.get('src/a.txt'), Buffer.from('alpha\n'));
      assert.deepEqual(data.get('src/blob.bin'), readFileSync(join(root, 'src', 'blob.bin')));
      assert.deepEqual(data.get(`src/${UNICODE}`), Buffer.from('unicode\n'), `chunk ${chunk}: the non-ASCII name`);
      const link = entries.find((e) => e.name === 'src/link');
      assert.deepEqual([link?.type, link?.linkname], ['symlink', 'a.txt']);
      assert.equal(entries.find((e) => e.name.replace(/\/$/, '') === 'src/empty')?.type, 'directory');
      if (format !== 'ustar') assert.deepEqual(data.get(`src/${LONG}`), Buffer.from('long name\n'), `chunk ${chunk}: the long name`);
    }
  });
}

/** GNU tar's header checksum over a block whose checksum field counts as spaces. */
function checksum(block: Buffer): string {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return `${sum.toString(8).padStart(6, '0')}\0 `;
}

test('a header with a changed byte is refused as corrupted tar contents, at once', async () => {
  const root = sampleTree(temp());
  const archive = gnuTar(['-cf', '-', '-C', root, 'src/a.txt']);
  archive[3] ^= 1;
  const heard: Error[] = [];
  const reader = new ArchiveReader(() => undefined, (err) => heard.push(err));
  reader.push(archive);
  await assert.rejects(reader.end(), (err: unknown) => err instanceof TarFormatError && /^tar contents corrupted/.test(err.message));
  assert.equal(heard.length, 1);
  assert.match(heard[0].message, /^tar contents corrupted/);
});

test('GNU base-256 sizes (files of 8 GiB and more) are read', async () => {
  const root = sampleTree(temp());
  const block = gnuTar(['--format=gnu', '-cf', '-', '-C', root, 'src/a.txt']).subarray(0, 512);
  const size = 9 * 2 ** 30;
  block.fill(0, 124, 136);
  block[124] = 0x80;
  block.writeUIntBE(size, 136 - 6, 6);
  block.write(checksum(block), 148, 8, 'latin1');
  const sizes: number[] = [];
  const reader = new ArchiveReader((e) => { sizes.push(e.size); return undefined; });
  reader.push(block);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(sizes, [size]);
  reader.destroy();
});

test('a stream cut inside an entry, between entries, after the last one or inside the end marker is an error', async () => {
  const root = sampleTree(temp());
  const archive = gnuTar(['-cf', '-', '-C', root, 'src/a.txt', 'src/blob.bin']);
  // a.txt: header 0, data 512; blob.bin: header 1024, data 1536 to 71536, padded to 71680; then the end marker.
  for (const cut of [700, 1024, 1536 + 100, 71_680, 71_680 + 300]) {
    const heard: Error[] = [];
    const reader = new ArchiveReader(() => undefined, (err) => heard.push(err));
    reader.push(archive.subarray(0, cut));
    assert.equal(reader.ended, false, `cut at ${cut}`);
    await assert.rejects(reader.end(), /the archive ended early/, `cut at ${cut}`);
    assert.match(heard[0]?.message ?? '', /the archive ended early/);
  }
  const whole = await readArchive(archive, 4096);
  assert.ok(whole.ended);
});

test('an entry the handler refuses fails the archive with the handler\'s own error', async () => {
  const root = sampleTree(temp());
  const archive = gnuTar(['-cf', '-', '-C', root, 'src/a.txt', 'src/blob.bin']);
  const reader = new ArchiveReader((e) => {
    if (e.name === 'src/blob.bin') throw new TarFormatError('not this one');
    return undefined;
  });
  reader.push(archive);
  await assert.rejects(reader.end(), new TarFormatError('not this one'));
});
