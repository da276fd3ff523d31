// Copy To Container: a local file or folder packed as tar and unpacked by `tar -xmf - -C <dir>` in the container, as
// kubectl cp does it — into the destination when it is an existing directory (`test -d`), else as the destination.
// Input is sent as fast as the connection takes it, so progress counts what left, not what was queued.
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { posix } from 'node:path';
import { finished, runCollect, type ContainerProcess, type RunInContainer } from './containerProcess';
import { CopyStop, type CopyControl } from './copyStop';
import { CopyError, tarFailure } from './tarFailure';
import { contentSize, packLocal } from './localArchive';

/** Queued input above which writing waits for the network. */
const HIGH_WATER = 4 * 1024 * 1024;
const DRAIN_POLL_MS = 5;

/** The container path the local path becomes: inside `destination` when that is a directory there. */
export async function containerTarget(run: RunInContainer, localPath: string, destination: string): Promise<string> {
  const dest = destination !== '/' && destination.endsWith('/') ? destination.replace(/\/+$/, '') || '/' : destination;
  const check = await runCollect(run, ['test', '-d', dest]);
  const isDir = check.outcome.kind === 'exited' && check.outcome.exitCode === 0;
  return isDir ? posix.join(dest, path.basename(localPath)) : dest;
}

export interface UploadResult {
  /** Bytes of file content sent. */
  bytes: number;
  /** Where the copy landed in the container. */
  containerPath: string;
}

export async function copyToContainer(run: RunInContainer, localPath: string, destination: string, control: CopyControl = {}): Promise<UploadResult> {
  if (!(await lstat(localPath).catch(() => undefined))) throw new CopyError(`${localPath} doesn't exist in local filesystem`);
  const stop = new CopyStop(control);
  try {
    await stop.watchPod();
    const target = await stop.race(containerTarget(run, localPath, destination));
    const total = await contentSize(localPath);
    let stderr = '';
    const starting = run(['tar', '-xmf', '-', '-C', posix.dirname(target)], {
      stdout: () => undefined,
      stderr: (data) => { stderr += data.toString('utf8'); },
    });
    void starting.then((p) => stop.onStop(() => p.close()), () => undefined);
    const proc = await stop.race(starting);
    // File bytes read less what still waits to be sent: close to what reached the container.
    let read = 0;
    const archive = packLocal(localPath, posix.basename(target), (n) => { read += n; });
    await stop.race(send(proc, archive, stop, () => control.progress?.(Math.max(0, read - proc.unsent), total, target)));
    const outcome = await stop.race(finished(proc));
    const failed = tarFailure(outcome, stderr);
    if (failed) throw new CopyError(failed);
    control.progress?.(total, total, target);
    return { bytes: total, containerPath: target };
  } catch (err) {
    throw stop.error ?? err;
  } finally {
    stop.dispose();
  }
}

/** Writes the archive, waiting while the connection holds more than HIGH_WATER; stops early when tar has ended. */
async function send(proc: ContainerProcess, archive: AsyncGenerator<Buffer>, stop: CopyStop, report: () => void): Promise<void> {
  // tar may end before taking everything (no tar at all, a full disk): then there is no point sending the rest.
  let ended = false;
  void proc.done.then(() => { ended = true; });
  for await (const part of archive) {
    if (ended || stop.error) break;
    proc.write(part);
    while (proc.unsent > HIGH_WATER && !ended && !stop.error) {
      report();
      await new Promise((r) => setTimeout(r, DRAIN_POLL_MS));
    }
    report();
  }
  proc.endInput();
}
