// Reads a tar stream as it arrives, in chunks of any size, and hands each entry and its data to a handler: nothing is
// buffered beyond one header block, so a 50 MB file streams straight to its destination.
import { BLOCK, decodeHeader, isZeroBlock, parsePax, TarFormatError, type RawHeader, type TarEntry } from './tarHeader';

export interface EntrySink {
  write(data: Buffer): void;
  end(): void;
}

/** Returns where the entry's data goes, or undefined to skip it. */
export type EntryHandler = (entry: TarEntry) => EntrySink | undefined;

/** Data of 'L', 'K' and 'x' headers, which describe the entry after them, and of 'g', which is ignored. */
const META_FLAGS = new Set(['L', 'K', 'x', 'g']);
const MAX_META_SIZE = 1 << 20;
const NO_DATA_FLAGS = new Set(['1', '2', '3', '4', '5', '6']);

export class TarReader {
  private header = Buffer.alloc(0);
  /** Data bytes of the current entry still to come, then its padding to the block. */
  private remaining = 0;
  private pad = 0;
  private sink: EntrySink | undefined;
  private meta: { flag: string; parts: Buffer[] } | undefined;
  private next: { name?: string; linkname?: string; size?: number } = {};
  private finished = false;

  constructor(private readonly handler: EntryHandler) {}

  /** True once the end-of-archive block was read: everything the archive holds has been handed over. */
  get ended(): boolean {
    return this.finished;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.finished) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.data(chunk.subarray(at, at + take));
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.endEntry();
      } else if (this.pad > 0) {
        const skip = Math.min(this.pad, chunk.length - at);
        this.pad -= skip;
        at += skip;
      } else {
        const take = Math.min(BLOCK - this.header.length, chunk.length - at);
        this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)]);
        at += take;
        if (this.header.length === BLOCK) {
          const block = this.header;
          this.header = Buffer.alloc(0);
          this.startEntry(block);
        }
      }
    }
  }

  /** The stream ended: throws when the archive was cut short (no end-of-archive block). */
  end(): void {
    if (!this.finished) throw new TarFormatError('the archive ended early (the stream from the container was cut)');
  }

  private startEntry(block: Buffer): void {
    // GNU tar writes two zero blocks; one is enough to know the archive is over (tar itself only warns on one).
    if (isZeroBlock(block)) {
      this.finished = true;
      return;
    }
    const raw = decodeHeader(block);
    if (META_FLAGS.has(raw.flag)) {
      if (raw.size > MAX_META_SIZE) throw new TarFormatError(`tar contents corrupted (a ${raw.size}-byte extended header)`);
      this.meta = { flag: raw.flag, parts: [] };
      this.begin(raw.size);
      return;
    }
    const entry = this.apply(raw);
    this.sink = this.handler(entry);
    // Links, directories, devices and FIFOs carry no data whatever their size field says (as Go's archive/tar reads them).
    this.begin(NO_DATA_FLAGS.has(raw.flag) ? 0 : entry.size);
  }

  private begin(size: number): void {
    this.remaining = size;
    this.pad = size % BLOCK === 0 ? 0 : BLOCK - (size % BLOCK);
    if (size === 0) this.endEntry();
  }

  private apply(raw: RawHeader): TarEntry {
    const { name, linkname, size } = this.next;
    this.next = {};
    return {
      name: name ?? raw.name,
      type: raw.type,
      size: size ?? raw.size,
      mode: raw.mode,
      mtime: raw.mtime,
      linkname: linkname ?? raw.linkname,
    };
  }

  private data(part: Buffer): void {
    if (this.meta) this.meta.parts.push(Buffer.from(part));
    else this.sink?.write(part);
  }

  private endEntry(): void {
    const meta = this.meta;
    if (!meta) {
      this.sink?.end();
      this.sink = undefined;
      return;
    }
    this.meta = undefined;
    const data = Buffer.concat(meta.parts);
    if (meta.flag === 'L') this.next.name = cString(data);
    else if (meta.flag === 'K') this.next.linkname = cString(data);
    else if (meta.flag === 'x') {
      const pax = parsePax(data);
      const path = pax.get('path');
      const link = pax.get('linkpath');
      const size = pax.get('size');
      if (path !== undefined) this.next.name = path;
      if (link !== undefined) this.next.linkname = link;
      if (size !== undefined) this.next.size = Number(size);
    }
  }
}

function cString(data: Buffer): string {
  const nul = data.indexOf(0);
  return data.subarray(0, nul === -1 ? data.length : nul).toString('utf8');
}
