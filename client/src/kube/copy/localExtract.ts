// Writes the container's archive under a local destination so that nothing is ever half-written: each file goes to a
// temporary name beside its final one and is renamed only by commit(), once the container's tar said it succeeded and
// the archive ended; abort() removes the temporary files and the directories this copy created. Symlinks, hard links
// and devices are skipped with a warning, as kubectl cp skips symlinks, and so are entries escaping the destination.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Header } from 'tar-stream';
import { placeEntry } from './archivePaths';
import { TarFormatError, type EntrySink } from './archiveReader';

interface PendingFile {
  temp: string;
  final: string;
  closed: Promise<void>;
}

let sequence = 0;

function tempName(final: string): string {
  sequence += 1;
  return path.join(path.dirname(final), `.${path.basename(final)}.podscope-${process.pid}-${sequence}.part`);
}

export class LocalExtraction {
  readonly warnings: string[] = [];
  private readonly files: PendingFile[] = [];
  private readonly createdDirs: string[] = [];
  /** Directories are made in order; a file's write waits for its directory. */
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;
  private aborted = false;
  private readonly open = new Set<WriteStream>();

  constructor(private readonly prefix: string, private readonly destination: string) {}

  /** The first local write error, if any (a full disk, a denied directory). */
  get error(): unknown {
    return this.failure;
  }

  /** For ArchiveReader: where the entry's data goes. */
  readonly entry = (entry: Header): EntrySink | undefined => {
    const place = placeEntry(entry.name, this.prefix, this.destination);
    if (place.kind === 'foreign') throw new TarFormatError(`tar contents corrupted (an entry "${entry.name}" outside the copied path)`);
    if (place.kind === 'outside') {
      this.warnings.push(`file "${place.localPath}" is outside target destination, skipping`);
      return undefined;
    }
    const target = place.localPath;
    if (entry.type === 'directory') {
      this.step(async () => { if (!this.aborted) await this.makeDir(target); });
      return undefined;
    }
    if (entry.type !== 'file' && entry.type !== 'contiguous-file') {
      const what = entry.type === 'symlink' ? `symlink: "${target}" -> "${entry.linkname}"` : entry.type === 'link' ? `hard link: "${target}" -> "${entry.linkname}"` : `special file: "${target}"`;
      this.warnings.push(`skipping ${what}`);
      return undefined;
    }
    return this.file(target, entry.mode);
  };

  /** Renames every file to its final name; afterwards the copy is complete on disk. */
  async commit(): Promise<void> {
    await this.settled();
    if (this.failure) throw this.failure;
    for (const f of this.files) await rename(f.temp, f.final);
    this.files.length = 0;
  }

  /** Removes what this copy wrote: temporary files, then the directories it created (only if left empty). */
  async abort(): Promise<void> {
    this.aborted = true;
    // Steps already queued still run (they see `aborted` and open nothing); then every open file is closed unfinished.
    await this.chain;
    for (const s of this.open) s.destroy();
    await this.settled().catch(() => undefined);
    await Promise.all(this.files.map((f) => rm(f.temp, { force: true })));
    this.files.length = 0;
    for (const dir of [...this.createdDirs].reverse()) await rmdir(dir).catch(() => undefined);
  }

  private async settled(): Promise<void> {
    await this.chain;
    await Promise.all(this.files.map((f) => f.closed.catch((err: unknown) => { this.failure ??= err; })));
  }

  private step(work: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      try {
        await work();
      } catch (err) {
        this.failure ??= err;
      }
    });
  }

  private file(final: string, mode: number): EntrySink {
    const temp = tempName(final);
    let stream: WriteStream | undefined;
    let queued: Buffer[] = [];
    let ended = false;
    let settle!: (err?: unknown) => void;
    const closed = new Promise<void>((resolve, reject) => { settle = (err) => (err ? reject(err) : resolve()); });
    this.files.push({ temp, final, closed });
    // The file is opened once its directory exists; data that arrives before then waits here.
    this.step(async () => {
      if (this.aborted) {
        settle();
        return;
      }
      try {
        await this.makeDir(path.dirname(final));
        const s = createWriteStream(temp, { mode: (mode & 0o777) || 0o644 });
        this.open.add(s);
        s.on('close', () => { this.open.delete(s); settle(); });
        s.on('error', (err) => { this.open.delete(s); settle(err); });
        for (const part of queued) s.write(part);
        queued = [];
        if (ended) s.end();
        stream = s;
      } catch (err) {
        settle(err);
        throw err;
      }
    });
    return {
      write: (data) => { if (stream) stream.write(data); else queued.push(Buffer.from(data)); },
      end: () => { ended = true; stream?.end(); },
    };
  }

  private async makeDir(dir: string): Promise<void> {
    const missing: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      const exists = await stat(d).then((s) => s.isDirectory() || Promise.reject(new Error(`"${d}" exists and is not a directory`)), (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      });
      if (exists) break;
      missing.unshift(d);
      if (path.dirname(d) === d) break;
    }
    for (const d of missing) {
      await mkdir(d).catch((err: NodeJS.ErrnoException) => { if (err.code !== 'EEXIST') throw err; });
      this.createdDirs.push(d);
    }
  }
}
