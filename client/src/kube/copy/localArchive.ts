// A local file or folder as the tar stream `tar -xmf -` in the container reads, as kubectl cp's makeTar builds it: the
// entries are named by the destination's base name, so extracting in the destination's directory creates it.
// tar-stream writes the entries (ustar, with a pax record for what ustar cannot hold) and the end-of-archive blocks;
// the stream is then padded to a whole record: GNU tar reading a pipe stops there without waiting for end-of-input,
// which some exec servers never pass on (kwok's does not, so `kubectl cp` to it hangs).
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import { pack, type Header, type Pack } from 'tar-stream';

/** tar(1)'s record (blocking factor 20 of 512-byte blocks). GNU tar reading a pipe stops at the end marker only once a whole record came. */
export const RECORD = 20 * 512;

/** How many bytes of file content a local path holds (what progress counts). */
export async function contentSize(localPath: string): Promise<number> {
  const s = await lstat(localPath);
  if (s.isFile()) return s.size;
  if (!s.isDirectory()) return 0;
  let total = 0;
  for (const name of await readdir(localPath)) total += await contentSize(path.join(localPath, name));
  return total;
}

/** The archive of `localPath` with its top entry named `archiveName`; `onContent` counts file bytes as they are read. */
export async function* packLocal(localPath: string, archiveName: string, onContent: (bytes: number) => void = () => undefined): AsyncGenerator<Buffer> {
  const archive = pack();
  const adding = addTree(archive, localPath, archiveName, onContent).then(() => archive.finalize(), (err: Error) => archive.destroy(err));
  let written = 0;
  try {
    for await (const part of archive as AsyncIterable<Buffer>) {
      written += part.length;
      yield part;
    }
  } finally {
    // Also when the reader stops early (tar in the container ended): the file being read is closed.
    archive.destroy();
    await adding;
  }
  const rest = written % RECORD;
  if (rest !== 0) yield Buffer.alloc(RECORD - rest);
}

async function addTree(archive: Pack, localPath: string, name: string, onContent: (bytes: number) => void): Promise<void> {
  const s = await lstat(localPath);
  const base = { name, mode: s.mode, mtime: new Date(s.mtimeMs) };
  if (s.isDirectory()) {
    await addEntry(archive, { ...base, name: `${name}/`, type: 'directory' });
    for (const child of (await readdir(localPath)).sort()) await addTree(archive, path.join(localPath, child), `${name}/${child}`, onContent);
    return;
  }
  if (s.isSymbolicLink()) {
    await addEntry(archive, { ...base, type: 'symlink', linkname: await readlink(localPath) });
    return;
  }
  // Sockets, FIFOs and devices have no content to copy (tar would recreate them as the same kind of node).
  if (!s.isFile()) return;
  await addEntry(archive, { ...base, type: 'file', size: s.size }, fileContent(localPath, s.size, onContent));
}

/** The file's first `size` bytes: a file that grows while it is read is cut there, one that shrinks is an error. */
async function* fileContent(localPath: string, size: number, onContent: (bytes: number) => void): AsyncGenerator<Buffer> {
  let sent = 0;
  for await (const chunk of createReadStream(localPath, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    const part = chunk.subarray(0, Math.max(0, size - sent));
    sent += part.length;
    onContent(part.length);
    if (part.length > 0) yield part;
  }
  if (sent < size) throw new Error(`"${localPath}" shrank while it was copied`);
}

/** Adds one entry and waits until tar-stream took all of it, writing no faster than the archive is read. */
async function addEntry(archive: Pack, header: Partial<Header> & Pick<Header, 'name'>, content?: AsyncIterable<Buffer>): Promise<void> {
  let sink!: ReturnType<Pack['entry']>;
  const taken = new Promise<void>((resolve, reject) => { sink = archive.entry(header, (err) => (err ? reject(err) : resolve())); });
  // A destroyed archive fails its entry twice: through `taken`, awaited at the end, and as the entry's 'error' event.
  taken.catch(() => undefined);
  sink.on('error', () => undefined);
  for await (const part of content ?? []) {
    if (sink.write(part)) continue;
    if (sink.destroying) break;
    await new Promise<void>((resolve) => {
      const go = (): void => { sink.off('drain', go); sink.off('close', go); resolve(); };
      sink.on('drain', go);
      sink.on('close', go);
    });
  }
  sink.end(undefined);
  await taken;
}
