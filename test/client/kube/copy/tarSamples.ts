// What the tar tests share: a local folder with what archives must carry (a small file, a 70 KB binary, a name longer
// than ustar holds, a non-ASCII name, an empty folder and a symlink), and an archive read back through ArchiveReader.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Header } from 'tar-stream';
import { ArchiveReader } from '../../../../client/src/kube/copy/archiveReader';

export const LONG = `${'deep-directory-name/'.repeat(8)}${'f'.repeat(120)}.txt`;
export const UNICODE = 'ünïcødé-名前.txt';

/** Makes `src` under `root` and returns `root`. */
export function sampleTree(root: string): string {
  mkdirSync(join(root, 'src', 'empty'), { recursive: true });
  mkdirSync(join(root, 'src', ...LONG.split('/').slice(0, -1)), { recursive: true });
  writeFileSync(join(root, 'src', 'a.txt'), 'alpha\n');
  writeFileSync(join(root, 'src', 'blob.bin'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)));
  writeFileSync(join(root, 'src', LONG), 'long name\n');
  writeFileSync(join(root, 'src', UNICODE), 'unicode\n');
  symlinkSync('a.txt', join(root, 'src', 'link'));
  return root;
}

/** Reads `archive` pushed in chunks of `chunk` bytes. */
export async function readArchive(archive: Buffer, chunk: number): Promise<{ entries: Header[]; data: Map<string, Buffer>; ended: boolean }> {
  const entries: Header[] = [];
  const data = new Map<string, Buffer>();
  const reader = new ArchiveReader((e) => {
    entries.push(e);
    const parts: Buffer[] = [];
    return { write: (d) => parts.push(Buffer.from(d)), end: () => data.set(e.name, Buffer.concat(parts)) };
  });
  for (let at = 0; at < archive.length; at += chunk) reader.push(archive.subarray(at, at + chunk));
  await reader.end();
  return { entries, data, ended: reader.ended };
}
