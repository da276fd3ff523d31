// First lines of every container's current and previous log. Files are only created when missing,
// so lines a test appended survive a re-seed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ClusterLayout } from '../layout';
import { allLogFiles } from '../logRoutes';
import { criLines } from '../criLog';
import type { SeedWorkload } from './plan';

function currentLines(w: SeedWorkload | undefined, container: string | undefined, at: Date): string {
  if (!w || !container) return criLines('log of a pod the seed does not know', 'stdout', at);
  const who = `${w.namespace}/${w.name} ${container}`;
  const lines = criLines(`starting ${who}`, 'stdout', at) + criLines(`${who}: listening on :8080`, 'stdout', at);
  const warn = criLines(`${who}: warning: no config file, using defaults`, 'stderr', at);
  return w.crashLoop ? lines + criLines(`${who}: panic: cannot reach database at 10.96.0.20:5432: connection refused`, 'stderr', at) : lines + warn;
}

function previousLines(w: SeedWorkload | undefined, container: string | undefined, at: Date): string {
  const who = w && container ? `${w.namespace}/${w.name} ${container}` : 'any pod';
  return criLines(`previous run of ${who}`, 'stdout', at) + criLines(`${who}: exited with code 1`, 'stderr', at);
}

export function seedLogFiles(layout: ClusterLayout, at = new Date()): void {
  for (const { file, workload, container, previous } of allLogFiles(layout)) {
    if (existsSync(file)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, previous ? previousLines(workload, container, at) : currentLines(workload, container, at));
  }
}
