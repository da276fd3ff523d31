// One tar header block (512 bytes): read as GNU tar and busybox tar write it (ustar, GNU long names, pax records,
// base-256 sizes), written as ustar with a pax record for what ustar cannot hold. The copy commands speak tar because
// that is what `kubectl cp` runs in the container; the archive never touches disk.

export const BLOCK = 512;
/** tar(1)'s record (blocking factor 20). GNU tar reading a pipe stops at the end marker only once a whole record came. */
export const RECORD = 20 * BLOCK;

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  name: string;
  type: TarEntryType;
  size: number;
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  linkname: string;
}

/** What a header block says, before long names and pax records are applied. */
export interface RawHeader extends TarEntry {
  /** The type byte: 'L'/'K' (GNU long name/link), 'x'/'g' (pax) carry data for the next entry. */
  flag: string;
}

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

const TYPES: Record<string, TarEntryType> = { '0': 'file', '\0': 'file', '7': 'file', '1': 'hardlink', '2': 'symlink', '5': 'directory' };

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

/** Octal text, or GNU's base-256 (high bit set) for values octal cannot hold (files of 8 GiB and more). */
function numeric(block: Buffer, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + field[i];
    return value;
  }
  const digits = text(block, start, length).trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw new TarFormatError(`tar contents corrupted (a header field reads "${digits}")`);
  return Number.parseInt(digits, 8);
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum;
}

export function decodeHeader(block: Buffer): RawHeader {
  if (numeric(block, 148, 8) !== checksum(block)) throw new TarFormatError('tar contents corrupted (a header checksum does not match)');
  const flag = String.fromCharCode(block[156]);
  const magic = block.subarray(257, 263).toString('latin1');
  // POSIX ustar splits long names into prefix/name; old GNU headers ("ustar  ") use that space for other fields.
  const prefix = magic === 'ustar\0' ? text(block, 345, 155) : '';
  const name = text(block, 0, 100);
  return {
    flag,
    name: prefix ? `${prefix}/${name}` : name,
    type: TYPES[flag] ?? 'other',
    size: numeric(block, 124, 12),
    mode: numeric(block, 100, 8),
    mtime: numeric(block, 136, 12),
    linkname: text(block, 157, 100),
  };
}

/** pax extended header records: `<length> <key>=<value>\n`. */
export function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = Number.parseInt(data.subarray(at, space).toString('latin1'), 10);
    if (!Number.isInteger(length) || length <= 0 || at + length > data.length) throw new TarFormatError('tar contents corrupted (a bad pax record)');
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}

function paxRecord(key: string, value: string): string {
  // The length counts its own digits: grow it until the record is as long as it says.
  let length = 0;
  for (;;) {
    const record = `${length} ${key}=${value}\n`;
    const actual = Buffer.byteLength(record);
    if (actual === length) return record;
    length = actual;
  }
}

const MAX_OCTAL_SIZE = 0o77777777777;

function writeText(block: Buffer, value: string, start: number, length: number): void {
  block.write(value, start, length, 'utf8');
}

function writeOctal(block: Buffer, value: number, start: number, length: number): void {
  writeText(block, `${Math.max(0, Math.floor(value)).toString(8).padStart(length - 1, '0')}\0`, start, length);
}

/** ustar's name/prefix split: undefined when the name cannot be split into 155 + 100 bytes at a slash. */
function splitName(name: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', name };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== '') return { prefix, name: rest };
  }
  return undefined;
}

function headerBlock(entry: TarEntry, flag: string, split: { prefix: string; name: string }): Buffer {
  const block = Buffer.alloc(BLOCK);
  writeText(block, split.name, 0, 100);
  writeOctal(block, entry.mode & 0o7777, 100, 8);
  writeOctal(block, 0, 108, 8);
  writeOctal(block, 0, 116, 8);
  writeOctal(block, Math.min(entry.size, MAX_OCTAL_SIZE), 124, 12);
  writeOctal(block, entry.mtime, 136, 12);
  block[156] = flag.charCodeAt(0);
  writeText(block, entry.linkname, 157, 100);
  block.write('ustar\u000000', 257, 8, 'latin1');
  writeText(block, split.prefix, 345, 155);
  writeOctal(block, checksum(block), 148, 7);
  block[155] = 0x20;
  return block;
}

const FLAGS: Record<TarEntryType, string> = { file: '0', hardlink: '1', symlink: '2', directory: '5', other: '0' };

/** The header block(s) of one entry: a pax record first when the name, link or size does not fit ustar. */
export function encodeHeader(entry: TarEntry): Buffer {
  const split = splitName(entry.name);
  const pax: string[] = [];
  if (!split) pax.push(paxRecord('path', entry.name));
  if (Buffer.byteLength(entry.linkname) > 100) pax.push(paxRecord('linkpath', entry.linkname));
  if (entry.size > MAX_OCTAL_SIZE) pax.push(paxRecord('size', String(entry.size)));
  const header = headerBlock(entry, FLAGS[entry.type], split ?? { prefix: '', name: entry.name.slice(-100) });
  if (pax.length === 0) return header;
  const data = Buffer.from(pax.join(''), 'utf8');
  const paxHeader = headerBlock({ name: 'PaxHeader', type: 'file', size: data.length, mode: 0o644, mtime: entry.mtime, linkname: '' }, 'x', { prefix: '', name: 'PaxHeader' });
  return Buffer.concat([paxHeader, data, padding(data.length), header]);
}

/** Zeros up to the next block boundary. */
export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}
