// A cross-process lock (mkdir is atomic): test files run in parallel processes and may all call
// ensureCluster() at once; only one may create, seed or delete the cluster at a time.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sleep } from './run';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(lockDir: string): number | undefined {
  try {
    return Number(readFileSync(join(lockDir, 'pid'), 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Runs fn while holding the lock. A lock left by a dead process is taken over. */
export async function withLock<T>(lockDir: string, fn: () => Promise<T>, timeoutMs = 60 * 60_000): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = holder(lockDir);
      // No pid yet means the owner is between mkdir and write: give it a moment before judging.
      const orphaned = pid === undefined ? Date.now() - mtimeMs(lockDir) > 10_000 : !isAlive(pid);
      if (orphaned) rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`cluster lock ${lockDir} still held by pid ${pid} after ${timeoutMs} ms`, { cause: err });
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
