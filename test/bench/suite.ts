// Runs the chosen benchmarks one after another. A benchmark that fails says why and the others still run; what a
// benchmark needs beyond Node (a build, the local cluster, code-server) is brought up once, before the first one that
// needs it, and a need this machine cannot meet skips those benchmarks with the reason — never silently.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { BenchName } from './options';

export type Need = 'build' | 'cluster' | 'editor';

export interface Bench {
  name: BenchName;
  needs?: readonly Need[];
  run(): Promise<void>;
}

/** A need met, with what to undo at the end, or `{ unavailable }`: this machine cannot meet it. */
export type Met = { release?: () => Promise<void> } | { unavailable: string };
/** Meets a need; throws when it broke (as opposed to being unavailable here). */
export type Provider = () => Promise<Met>;

export interface Outcome { name: BenchName; status: 'ok' | 'failed' | 'skipped'; detail?: string; seconds: number }

export async function runSuite(
  benches: readonly Bench[],
  named: readonly BenchName[],
  providers: Record<Need, Provider>,
  log: (line: string) => void,
): Promise<Outcome[]> {
  const met = new Map<Need, Promise<{ ok: true } | { ok: false; skip: boolean; why: string }>>();
  const releases: (() => Promise<void>)[] = [];
  const meet = (need: Need) => {
    if (!met.has(need)) {
      met.set(need, providers[need]().then(
        (r) => {
          if ('unavailable' in r) return { ok: false as const, skip: true, why: `${need} unavailable: ${r.unavailable}` };
          if (r.release) releases.push(r.release);
          return { ok: true as const };
        },
        (err: unknown) => ({ ok: false as const, skip: false, why: `${need} failed: ${message(err)}` }),
      ));
    }
    return met.get(need)!;
  };
  const outcomes: Outcome[] = [];
  try {
    for (const bench of benches) {
      log(`=== ${bench.name} ===`);
      const t0 = performance.now();
      const done = (status: Outcome['status'], detail?: string) => {
        outcomes.push({ name: bench.name, status, seconds: (performance.now() - t0) / 1000, ...(detail ? { detail } : {}) });
        log(`${bench.name}: ${status}${detail ? ` — ${detail}` : ''}`);
      };
      let blocked: { skip: boolean; why: string } | undefined;
      for (const need of bench.needs ?? []) {
        const r = await meet(need);
        if (!r.ok) { blocked = r; break; }
      }
      if (blocked) {
        // Asked for by name, a benchmark that cannot run is a failure: the run did not do what was asked.
        if (blocked.skip && !named.includes(bench.name)) done('skipped', blocked.why);
        else done('failed', blocked.why);
        continue;
      }
      try {
        await bench.run();
        done('ok');
      } catch (err) {
        log((err as Error)?.stack ?? String(err));
        done('failed', message(err));
      }
    }
  } finally {
    for (const release of releases.reverse()) await release().catch((err: unknown) => log(`release failed: ${message(err)}`));
  }
  return outcomes;
}

export function summary(outcomes: readonly Outcome[]): string {
  const lines = outcomes.map((o) => `  ${o.name.padEnd(10)} ${o.status.padEnd(7)} ${o.seconds.toFixed(0).padStart(5)} s${o.detail ? `  ${o.detail}` : ''}`);
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  return ['', '=== bench summary ===', ...lines, `bench: ${outcomes.length - failed - skipped} ran, ${failed} failed, ${skipped} skipped`].join('\n');
}

const ROOT = join(__dirname, '..', '..');

/**
 * A benchmark that needs a process of its own (node flags such as --expose-gc, a fresh heap): its script with its own
 * flags, output passed through. The command is printed so the run can be repeated alone.
 */
export function runScript(script: string, nodeFlags: readonly string[], args: readonly string[], log: (line: string) => void): Promise<void> {
  const argv = [...nodeFlags, '--import', 'tsx', script, ...args];
  log(`running: node ${argv.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code ?? signal}`))));
  });
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
