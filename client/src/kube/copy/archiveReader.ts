// Reads the container's tar stream as it arrives, in chunks of any size, and hands each entry and its data to a
// handler, so a 50 MB file streams straight to its destination. tar-stream parses the headers (ustar, GNU long names,
// pax records, base-256 sizes); what it does not check is that the archive ended — it skips zero blocks and accepts a
// stream cut between two entries — so the end-of-archive marker is watched here: zeros, a block or more, after the
// last entry's data. streamx (the streams tar-stream is built on) says when every byte pushed has been parsed.
import { Writable } from 'streamx';
import { extract, type Header } from 'tar-stream';

const BLOCK = 512;

export class TarFormatError extends Error {
  override readonly name = 'TarFormatError';
}

export interface EntrySink {
  write(data: Buffer): void;
  end(): void;
}

/** Returns where the entry's data goes, or undefined to skip it; throws a TarFormatError to refuse the archive. */
export type EntryHandler = (entry: Header) => EntrySink | undefined;

export class ArchiveReader {
  private readonly extract = extract();
  private readonly finished: Promise<void>;
  private received = 0;
  /** Offset just past the last non-zero byte received. */
  private dataEnd = 0;
  /** Offset where the last entry's data, padded to a block, ends. */
  private entriesEnd = 0;

  /** `onError` hears the first failure at once: a corrupted header, a refused entry, the stream cut short. */
  constructor(handler: EntryHandler, onError: (err: Error) => void = () => undefined) {
    this.extract.on('entry', (header, stream, next) => {
      // tar-stream reads no data for a directory, whatever its size field says.
      const size = header.type === 'directory' ? 0 : header.size;
      this.entriesEnd = stream.offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
      // The failure reaches us through the extract's own 'error'; the entry's copy of it needs a listener too.
      stream.on('error', () => undefined);
      let sink: EntrySink | undefined;
      try {
        sink = handler(header);
      } catch (err) {
        next(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      stream.on('data', (data) => sink?.write(data as Buffer));
      stream.on('end', () => {
        sink?.end();
        next();
      });
    });
    this.finished = new Promise<void>((resolve, reject) => {
      this.extract.on('finish', resolve);
      this.extract.on('error', (err) => reject(err instanceof TarFormatError ? err : new TarFormatError(`tar contents corrupted (${err.message})`)));
    });
    this.finished.catch(onError);
  }

  /** True once the end-of-archive marker arrived (sure once every byte pushed is parsed, as end() waits for). */
  get ended(): boolean {
    return this.received - this.entriesEnd >= BLOCK && this.dataEnd <= this.entriesEnd;
  }

  push(chunk: Buffer): void {
    for (let i = chunk.length - 1; i >= 0; i--) {
      if (chunk[i] !== 0) {
        this.dataEnd = this.received + i + 1;
        break;
      }
    }
    this.received += chunk.length;
    this.extract.write(chunk);
  }

  /** The stream ended: resolves once every entry was handed over; rejects when the archive was cut short or corrupt. */
  async end(): Promise<void> {
    // Once every byte pushed is parsed, where the last entry ends is known, and so whether the end marker came.
    if (await Writable.drained(this.extract)) {
      if (this.ended) this.extract.end(undefined); // (streamx's types ask for a last chunk; there is none)
      else this.extract.destroy(new TarFormatError('the archive ended early (the stream from the container was cut)'));
    }
    return this.finished;
  }

  /** Stops reading (the copy failed elsewhere). */
  destroy(): void {
    this.extract.destroy();
  }
}
