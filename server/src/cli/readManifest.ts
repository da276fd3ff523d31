// Reads one file for `podscope lint` without ever blocking or exhausting memory on it: the file is
// opened non-blocking and checked with fstat before a byte is read, so a FIFO, a device like
// /dev/zero or a socket is refused at once, and a file over the size limit is never read.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { tooLargeFinding, type Finding } from '../engine';
import { errnoText } from './files';

/** Findings about the file itself (it could not be read), not about its content. */
export const FILE_UNREADABLE = 'file-unreadable';

export type ReadOutcome = { text: string } | { finding: Finding };

export function readManifest(file: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return unreadable(errnoText(err));
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return unreadable(`not a regular file (${kindOf(stats)}), skipped`);
    if (stats.size > maxBytes) return { finding: tooLargeFinding(stats.size, maxBytes) };
    return { text: readFileSync(fd, 'utf8') };
  } catch (err) {
    return unreadable(errnoText(err));
  } finally {
    closeSync(fd);
  }
}

function unreadable(why: string): ReadOutcome {
  return {
    finding: {
      code: FILE_UNREADABLE, severity: 'error', path: '', document: 0, message: `cannot check this file: ${why}`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    },
  };
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a file';
}
