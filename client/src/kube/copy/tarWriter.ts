// A local file or folder as the tar stream `tar -xmf -` in the container reads, as kubectl cp's makeTar builds it: the
// entries are named by the destination's base name, so extracting in the destination's directory creates it. The
// stream ends with the end-of-archive blocks padded to a whole record: GNU tar reading a pipe stops there without
// waiting for end-of-input, which some exec servers never pass on (kwok's does not, so `kubectl cp` to it hangs).
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import { BLOCK, encodeHeader, padding, RECORD, type TarEntry } from './tarHeader';

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
  let written = 0;
  for await (const part of entries(localPath, archiveName, onContent)) {
    written += part.length;
    yield part;
  }
  const end = Buffer.alloc(2 * BLOCK);
  written += end.length;
  const rest = written % RECORD;
  yield rest === 0 ? end : Buffer.concat([end, Buffer.alloc(RECORD - rest)]);
}

async function* entries(localPath: string, name: string, onContent: (bytes: number) => void): AsyncGenerator<Buffer> {
  const s = await lstat(localPath);
  const base = { name, size: 0, mode: s.mode, mtime: Math.floor(s.mtimeMs / 1000), linkname: '' };
  if (s.isDirectory()) {
    yield encodeHeader({ ...base, name: `${name}/`, type: 'directory' });
    for (const child of (await readdir(localPath)).sort()) yield* entries(path.join(localPath, child), `${name}/${child}`, onContent);
    return;
  }
  if (s.isSymbolicLink()) {
    yield encodeHeader({ ...base, type: 'symlink', linkname: await readlink(localPath) });
    return;
  }
  // Sockets, FIFOs and devices have no content to copy (tar would recreate them as the same kind of node).
  if (!s.isFile()) return;
  const entry: TarEntry = { ...base, type: 'file', size: s.size };
  yield encodeHeader(entry);
  let sent = 0;
  for await (const chunk of createReadStream(localPath, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    // The header promised s.size bytes: a file that grows while it is read is cut there, one that shrinks is an error.
    const part = chunk.subarray(0, Math.max(0, s.size - sent));
    sent += part.length;
    onContent(part.length);
    if (part.length > 0) yield part;
  }
  if (sent < s.size) throw new Error(`"${localPath}" shrank while it was copied`);
  yield padding(s.size);
}
