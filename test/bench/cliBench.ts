// The CLI over many small manifests, as CI runs it: `podscope lint` on one thread and on all cores, with
// the exact layer as users get it (the module `auto` picks from dist/exact, whose cost per object counts)
// and on all cores with --no-exact, beside a peer linter built from the Go module proxy, taking turns on
// the same files. Each run is a fresh process (start-up, JIT and wasm warm-up included), timed by
// /usr/bin/time for wall, CPU and peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { findModules, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { ROOT, YAML_ALIAS } from '../cli/cliHarness';
import { writeManifests } from './generateManifests';
import { findPeer } from './peers';
import { summarize, type Summary } from './stats';

export interface ToolFigures { name: string; wall: Summary; cpu: Summary; peakRssMiB: number; exit: number | null }
export interface CliResult {
  files: number;
  lines: number;
  seed: number;
  /** The module the exact layer used (`auto`: the newest in dist/exact), or why there was none. */
  exact: { version: string } | { unavailable: string };
  single: ToolFigures;
  parallel: ToolFigures;
  /** All cores, --no-exact: the engine alone. */
  noExact: ToolFigures;
  peer?: ToolFigures & { version: string };
  baseline?: ToolFigures;
  /** Per turn: peer wall time / Podscope (all cores) wall time; the median of these. */
  speedupOverPeer?: number;
  notes: string[];
}

const TIME = '/usr/bin/time';

export function benchCli(count: number, seed: number, runs: number, log: (s: string) => void, baseline?: string): CliResult {
  const dir = mkdtempSync(join(tmpdir(), 'podscope-cli-bench-'));
  try {
    const paths = writeManifests(join(dir, 'manifests'), count, seed);
    const lines = paths.length ? countLines(paths) : 0;
    const cli = join(dir, 'cli.js');
    buildSync({ entryPoints: [join(ROOT, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', alias: YAML_ALIAS });
    const { peer, notes } = findPeer(log);
    const manifests = join(dir, 'manifests');
    // The bundle is in a temp folder: it (and a baseline) finds the repository's modules through PODSCOPE_EXACT_DIR.
    const module = findModules(moduleDirs(REPO_DIST))[0];
    const exact: CliResult['exact'] = module ? { version: module.version } : { unavailable: `no exact-validation modules in ${join(REPO_DIST, 'exact')} (npm run build, with Go): the rows with the exact layer ran the engine alone` };
    if ('unavailable' in exact) notes.push(exact.unavailable);
    const podscope = (name: string, args: string[]) => ({ name, cmd: process.execPath, args, env: { ...process.env, PODSCOPE_EXACT: '', PODSCOPE_EXACT_DIR: join(REPO_DIST, 'exact') } });
    const workers = `${Math.min(cpus().length, 8)} workers`;
    const tools: { name: string; cmd: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [
      podscope('podscope --jobs 1', [cli, 'lint', '--jobs', '1', '--format', 'json', manifests]),
      podscope(`podscope (${workers})`, [cli, 'lint', '--format', 'json', manifests]),
      podscope(`podscope --no-exact (${workers})`, [cli, 'lint', '--no-exact', '--format', 'json', manifests]),
      ...(peer ? [{ name: `${peer.name} ${peer.version}`, cmd: peer.bin, args: peer.args(manifests) }] : []),
      // An older build of the CLI (e.g. from the commit before a change), in the same turns, for before/after figures.
      ...(baseline ? [podscope('baseline', [baseline, 'lint', '--format', 'json', manifests])] : []),
    ];
    const peerIndex = peer ? 3 : -1;
    const samples = tools.map(() => ({ wall: [] as number[], cpu: [] as number[], rss: 0, exit: null as number | null }));
    const ratios: number[] = [];
    for (let turn = 0; turn < runs; turn++) {
      const walls: number[] = [];
      tools.forEach((tool, i) => {
        const m = timed(tool.cmd, tool.args, tool.env);
        samples[i]!.wall.push(m.wall);
        samples[i]!.cpu.push(m.cpu);
        samples[i]!.rss = Math.max(samples[i]!.rss, m.peakRssMiB);
        samples[i]!.exit = m.exit;
        walls.push(m.wall);
      });
      if (peer) ratios.push(walls[peerIndex]! / walls[1]!);
      log(`cli turn ${turn + 1}/${runs}: ${tools.map((t, i) => `${t.name} ${walls[i]!.toFixed(0)} ms`).join(', ')}`);
    }
    const fig = (i: number): ToolFigures => ({ name: tools[i]!.name, wall: summarize(samples[i]!.wall), cpu: summarize(samples[i]!.cpu), peakRssMiB: samples[i]!.rss, exit: samples[i]!.exit });
    return {
      files: paths.length, lines, seed, exact,
      single: fig(0), parallel: fig(1), noExact: fig(2),
      ...(peer ? { peer: { ...fig(peerIndex), version: peer.version }, speedupOverPeer: summarize(ratios).median } : {}),
      ...(baseline ? { baseline: fig(tools.length - 1) } : {}),
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv): { wall: number; cpu: number; peakRssMiB: number; exit: number | null } {
  const t = performance.now();
  const r = spawnSync(TIME, ['-f', '@@time %U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 10 * 60_000, ...(env ? { env } : {}) });
  const wall = performance.now() - t;
  if (r.error) throw r.error;
  const m = /@@time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`${cmd} gave no timing (is ${TIME} installed?): ${r.stderr.slice(-300)}`);
  // /usr/bin/time reports a non-zero exit in front of its own line; linters exit 1 on findings.
  return { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000, peakRssMiB: Number(m[3]) / 1024, exit: r.status };
}

function countLines(paths: string[]): number {
  const r = spawnSync('cat', paths, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return r.stdout.split('\n').length - 1;
}
