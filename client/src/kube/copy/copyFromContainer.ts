// Copy From Container: `tar cf - <path>` in the container, as kubectl cp runs it, read as it streams into a local file
// or folder. Files are renamed into place only after tar exited 0 and the archive ended; a cancel, a deleted pod, a
// cut stream or a failed tar leaves nothing behind.
// client-node's Cp does the same exec but is not used: it returns before the copy ends and throws tar's errors inside
// its status callback (where nobody can catch them), reports no progress, cannot be cancelled and writes in place.
// Our exec (ExecSession) and tar-stream, read by ArchiveReader, do all of that.
import type { ContainerProcess, RunInContainer } from './containerProcess';
import { finished } from './containerProcess';
import { archivePrefix } from './archivePaths';
import { ArchiveReader } from './archiveReader';
import { CopyStop, type CopyControl } from './copyStop';
import { LocalExtraction } from './localExtract';
import { CopyError, tarFailure } from './tarFailure';

export interface CopyResult {
  /** Bytes of file content written. */
  bytes: number;
  files: number;
  /** What was skipped, in kubectl's words (symlinks, entries outside the destination). */
  warnings: string[];
}

export async function copyFromContainer(run: RunInContainer, containerPath: string, localPath: string, control: CopyControl = {}): Promise<CopyResult> {
  const prefix = archivePrefix(containerPath);
  const extraction = new LocalExtraction(prefix, localPath);
  let bytes = 0;
  let files = 0;
  let current: string | undefined;
  const stop = new CopyStop(control);
  const reader = new ArchiveReader((entry) => {
    const sink = extraction.entry(entry);
    if (!sink) return undefined;
    files += 1;
    // tar names entries without the leading "/"; progress shows the container path as the user typed it.
    current = containerPath.startsWith('/') ? `/${entry.name}` : entry.name;
    return {
      write: (data) => {
        bytes += data.length;
        sink.write(data);
        control.progress?.(bytes, undefined, current);
      },
      end: () => sink.end(),
    };
  }, (err) => stop.stop(err));
  let stderr = '';
  let proc: ContainerProcess | undefined;
  try {
    await stop.watchPod();
    const starting = run(['tar', 'cf', '-', containerPath], {
      stdout: (data) => {
        if (!stop.error) reader.push(data);
      },
      stderr: (data) => { stderr += data.toString('utf8'); },
    });
    void starting.then((p) => stop.onStop(() => p.close()), () => undefined);
    proc = await stop.race(starting);
    const outcome = await stop.race(finished(proc));
    const failed = tarFailure(outcome, stderr);
    if (failed) throw new CopyError(failed);
    await stop.race(reader.end());
    await extraction.commit();
    // The total is known only now: the last step says all of it arrived.
    control.progress?.(bytes, bytes, current);
    return { bytes, files, warnings: extraction.warnings };
  } catch (err) {
    proc?.close();
    reader.destroy();
    await extraction.abort();
    throw stop.error ?? err;
  } finally {
    stop.dispose();
  }
}
