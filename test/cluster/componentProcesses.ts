// The cluster's own processes (etcd, kube-apiserver, controller-manager, scheduler, kwok, metrics-server), known
// only by the pid files kwokctl writes; kwokctl starts them detached (setsid), so nothing else owns them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterLayout } from './layout';
import { isAlive } from './lock';
import { sleep } from './run';

export const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok-controller', 'metrics-server'];

export function componentPids(layout: ClusterLayout): Map<string, number> {
  const out = new Map<string, number>();
  if (!existsSync(layout.pidsDir)) return out;
  for (const f of readdirSync(layout.pidsDir)) {
    const pid = Number(readFileSync(join(layout.pidsDir, f), 'utf8').trim());
    if (f.endsWith('.pid') && pid > 0) out.set(f.slice(0, -4), pid);
  }
  return out;
}

/** A pid from an old pid file may have been reused; only a process started for this cluster counts. */
export function isOurs(pid: number, layout: ClusterLayout): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(layout.clusterDir);
  } catch {
    return false;
  }
}

export function liveComponents(layout: ClusterLayout): Map<string, number> {
  return new Map([...componentPids(layout)].filter(([, pid]) => isAlive(pid) && isOurs(pid, layout)));
}

function isZombie(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
  } catch {
    return false;
  }
}

async function waitUntil(pids: number[], gone: (pid: number) => boolean, ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let left = pids.filter((p) => !gone(p));
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(100);
    left = left.filter((p) => !gone(p));
  }
  return left;
}

/**
 * Waits for the given pids to exit and SIGKILLs (by pid) whichever of ours outlive the grace
 * period. Then gives init a moment to reap them, so `ps` shows no <defunct> leftovers either.
 */
export async function reap(pids: number[], layout: ClusterLayout, graceMs = 10_000): Promise<number[]> {
  const survivors = await waitUntil(pids, (p) => !isAlive(p) || !isOurs(p, layout), graceMs);
  for (const pid of survivors) process.kill(pid, 'SIGKILL');
  await waitUntil(pids, (p) => !isAlive(p) || !isZombie(p), 3_000);
  return survivors;
}
