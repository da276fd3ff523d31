// `npm run bench`: every benchmark in turn, each printing its table and rewriting its own marked section of
// docs/benchmarks.md (flags and names: options.ts, or `npm run bench -- --help`). The engine, the language server
// (beside Red Hat's yaml-language-server), the CLI (beside kubectl-validate), the large files and the exact layer run
// in this process; the log pace, logs, tree and activation benchmarks in processes of their own, as their scripts
// need (--expose-gc, a fresh heap), on the local cluster this run starts once for all of them.
//
//   npm run bench -- [--only NAMES] [--skip NAMES] [--runs N] [--no-peer] [--no-write] [--tree-pods N] ...
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { YAML_ALIAS } from '../cli/cliHarness';
import { ClusterUnavailableError, ensureCluster } from '../cluster/cluster';
import { editorTools } from '../e2e/editorTools';
import { benchCli, type CliResult } from './cliBench';
import { marked, markers, writeSection, type Markers } from './docSection';
import { benchEngine, type EngineResult } from './engineBench';
import { benchExact, EXACT_SECTION, renderExact } from './exactBench';
import { generatePods } from './generatePods';
import { benchSizes, renderSizes, type SizeResult } from './sizeBench';
import { benchLsp, type LspResult, type LspTarget } from './lspBench';
import { BENCH_NAMES, parseBenchArgs, USAGE, UsageError, type BenchName, type BenchOptions } from './options';
import { ms, type Summary } from './stats';
import { runScript, runSuite, summary, type Bench, type Met, type Provider } from './suite';

const ROOT = join(__dirname, '..', '..');
const PEER_SCHEMA = join(ROOT, '..', 'shared', 'bench', 'peer-pod-schema-k8s-1.12.json');
const ENGINE = markers('engine-bench', 'npm run bench');
const LSP = markers('lsp-bench', 'npm run bench');
const CLI = markers('cli-bench', 'npm run bench');
const SIZES = markers('size-bench', 'npm run bench');
const COMMAND = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;

function benches(opts: BenchOptions): Record<BenchName, Bench> {
  const noWrite = opts.write ? [] : ['--no-write'];
  return {
    engine: { name: 'engine', run: async () => { runEngine(opts); } },
    lsp: { name: 'lsp', run: () => runLsp(opts) },
    cli: { name: 'cli', run: async () => { runCli(opts); } },
    sizes: { name: 'sizes', run: async () => { runSizes(opts); } },
    exact: { name: 'exact', needs: ['build'], run: () => runExact(opts) },
    pace: { name: 'pace', run: () => runScript('test/bench/logPace.ts', [], [`--rate=${opts.paceRate}`, `--seconds=${opts.paceSeconds}`, ...noWrite], log) },
    logs: { name: 'logs', needs: ['cluster'], run: () => runScript('test/bench/logs.ts', ['--expose-gc'], [`--runs=${opts.logsRuns}`, ...noWrite], log) },
    tree: {
      name: 'tree', needs: ['cluster'],
      run: () => runScript('test/bench/tree.ts', ['--expose-gc', '--max-old-space-size=4096'], [`--pods=${opts.treePods}`, ...noWrite], log),
    },
    activation: { name: 'activation', needs: ['build', 'editor', 'cluster'], run: () => runScript('test/bench/activation.ts', [], [`--runs=${opts.activationRuns}`, ...noWrite], log) },
  };
}

/** What benchmarks need beyond Node, met once per run. */
const providers: Record<'build' | 'cluster' | 'editor', Provider> = {
  // The exact layer runs dist/cli.js, and the VSIX carries dist/exact: both as `npm run build` makes them.
  async build(): Promise<Met> {
    log('npm run build');
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm run build exited with ${r.status ?? r.signal ?? r.error?.message}`);
    return {};
  },
  // Started (or borrowed) here, so the benchmarks' own ensureCluster() only borrows it and it stops once, at the end.
  async cluster(): Promise<Met> {
    try {
      const cluster = await ensureCluster();
      return { release: () => cluster.release() };
    } catch (err) {
      if (err instanceof ClusterUnavailableError) return { unavailable: err.message };
      throw err;
    }
  },
  // Installs code-server and Chromium when missing (scripts/setup-editor.mjs), or says why it cannot.
  async editor(): Promise<Met> {
    const tools = editorTools();
    if (!tools.ok) return { unavailable: tools.reason };
    return {};
  },
};

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  log(`running ${opts.benches.join(', ')}${opts.benches.length < BENCH_NAMES.length ? ` (not ${BENCH_NAMES.filter((b) => !opts.benches.includes(b)).join(', ')})` : ''}`);
  const table = benches(opts);
  const outcomes = await runSuite(opts.benches.map((b) => table[b]), opts.named, providers, log);
  process.stderr.write(`${summary(outcomes)}\n`);
  if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
}

function print(m: Markers, body: string, write: boolean): void {
  process.stdout.write(`\n${marked(m, body)}\n`);
  if (write) writeSection(m, body);
}

function runSizes(opts: BenchOptions): void {
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, load average at start ${loadavg()[0]!.toFixed(2)}`;
  const report = (results: readonly SizeResult[]) => renderSizes(results, COMMAND, machine);
  // Written after every input: the 50 MB runs take minutes, and a stopped run keeps what it measured.
  const results = benchSizes(ROOT, (so) => { if (opts.write) writeSection(SIZES, report(so)); }, log);
  print(SIZES, report(results), false);
}

function runEngine(opts: BenchOptions): void {
  const file = generatePods(200);
  log(`file: ${file.pods} pods, ${file.lines} lines, ${(file.text.length / 1024).toFixed(0)} KiB; ${opts.runs} runs`);
  const engine = benchEngine(file.text, opts.runs);
  log(`engine: cold ${ms(engine.cold)} ms, warm median ${ms(engine.warm.median)} ms`);
  print(ENGINE, renderEngine(file, opts, engine), opts.write);
}

async function runLsp(opts: BenchOptions): Promise<void> {
  const file = generatePods(200);
  const dir = mkdtempSync(join(tmpdir(), 'podscope-bench-'));
  try {
    const server = join(dir, 'server.js');
    buildSync({ entryPoints: [join(ROOT, 'server/src/server.ts')], outfile: server, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', alias: YAML_ALIAS });
    // The whole file's count, so the first diagnostics (a large file's first documents) and the whole file's are timed apart.
    const complete = validateText(file.text, defaultRegistry()).length;
    const podscope = await benchLsp({ name: 'podscope', cmd: process.execPath, args: [server, '--stdio'] }, file.text, opts.runs, complete);
    log(`podscope LSP: edit median ${ms(podscope.editInLine.median)} ms`);
    const peer = opts.peer ? await benchPeer(file.text, opts.runs) : undefined;
    print(LSP, renderLsp(file, opts, podscope, peer), opts.write);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runCli(opts: BenchOptions): void {
  const cli = benchCli(opts.cliFiles, 1, opts.cliRuns, log, opts.cliBaseline);
  print(CLI, renderCli(cli, opts), opts.write);
}

async function runExact(opts: BenchOptions): Promise<void> {
  const result = await benchExact({ runs: opts.runs, version: 'auto', exactEnabled: true });
  print(EXACT_SECTION, renderExact(result, COMMAND), opts.write);
}

async function benchPeer(text: string, runs: number): Promise<{ result: LspResult } | { skipped: string }> {
  const bin = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  if (!existsSync(bin)) return { skipped: 'yaml-language-server is not installed (npm install)' };
  if (!existsSync(PEER_SCHEMA)) return { skipped: `peer schema not found at ${PEER_SCHEMA}` };
  // Local schema only: the schema store and the CRD store would reach the internet.
  const yaml = {
    schemas: { [pathToFileURL(PEER_SCHEMA).href]: '*.yaml' },
    validate: true, hover: true, completion: true,
    schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
  };
  const target: LspTarget = {
    name: 'yaml-language-server', cmd: process.execPath, args: [bin, '--stdio'],
    configuration: (item) => (item.section === 'yaml' ? yaml : item.section === 'editor' ? { tabSize: 2, detectIndentation: false } : null),
    settings: { yaml },
  };
  log('yaml-language-server: running');
  return { result: await benchLsp(target, text, runs) };
}

function measuredOn(opts: BenchOptions): string[] {
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${COMMAND}\` (${opts.runs} runs) on ${cpus()[0]?.model ?? 'unknown CPU'},`,
    `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; load average at start ${loadavg()[0]!.toFixed(2)}`,
    '(the machine is shared, so other work runs at the same time: read medians, not single runs).',
  ];
}

const row = (what: string, s: Summary) => `| ${what} | ${ms(s.median)} | ${ms(s.p95)} | ${s.runs} |`;

function renderEngine(file: ReturnType<typeof generatePods>, opts: BenchOptions, engine: EngineResult): string {
  return [
    '### Engine (in process)',
    '',
    ...measuredOn(opts),
    '',
    `Input: a generated file of ${file.pods} pods, ${file.lines} lines (${(file.text.length / 1024).toFixed(0)} KiB) (\`test/bench/generatePods.ts\`): two containers per pod`,
    `with ports, probes, env, a volume mount and resources; every tenth pod has mistakes. Podscope finds ${engine.findings} problems in it.`,
    '',
    '| What | median ms | p95 ms | runs |',
    '| --- | ---: | ---: | ---: |',
    `| cold: first parse + validate of the whole file | ${ms(engine.cold)} | | 1 |`,
    row('warm: parse + validate of the whole file', engine.warm),
    '',
    `Memory after the warm runs: heap used ${engine.heapUsedMiB.toFixed(0)} MiB, peak RSS of the benchmark process ${engine.peakRssMiB.toFixed(0)} MiB.`,
  ].join('\n');
}

function renderLsp(file: ReturnType<typeof generatePods>, opts: BenchOptions, podscope: LspResult, peer: Awaited<ReturnType<typeof benchPeer>> | undefined): string {
  const lines = [
    '### Language server over stdio (JSON-RPC, child process), client-side wall time until publishDiagnostics',
    '',
    ...measuredOn(opts),
    `Input: the same ${file.pods}-pod file, ${file.lines} lines.`,
    '',
    '| What | Podscope median ms | Podscope p95 ms | runs |',
    '| --- | ---: | ---: | ---: |',
    row('open the file -> first diagnostics (the first documents\' findings)', podscope.open),
    ...(podscope.openAll ? [row('open the file -> diagnostics of the whole file', podscope.openAll)] : []),
    row('edit one character inside a line -> diagnostics', podscope.editInLine),
    row('insert or delete a line at the top (every document moves) -> diagnostics', podscope.editNewLine),
    '',
    `Podscope publishes ${podscope.diagnostics} diagnostics for the file; server peak RSS ${podscope.peakRssMiB?.toFixed(0) ?? '?'} MiB.`,
    `Targets (issue 12): edit -> diagnostics p95 ≤ 10 ms in a line (${ms(podscope.editInLine.p95)} ms: ${podscope.editInLine.p95 <= 10 ? 'met' : 'NOT met'}), ≤ 25 ms for a line inserted at the top (${ms(podscope.editNewLine.p95)} ms: ${podscope.editNewLine.p95 <= 25 ? 'met' : 'NOT met'}); first diagnostics of the opened file ≤ 100 ms (median ${ms(podscope.open.median)} ms: ${podscope.open.median <= 100 ? 'met' : 'NOT met'}).`,
    'A large file is parsed and checked a slice at a time: the first slice\'s findings (the documents at the top) are published at once, the whole file\'s when it is done.',
    'An edit re-parses and re-validates only the YAML document it touches; the other documents\' findings are reused and shifted.',
  ];
  if (peer && 'result' in peer) {
    const p = peer.result;
    const peerVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
    lines.push(
      '',
      `#### Peer: Red Hat yaml-language-server ${peerVersion}, same file, same harness`,
      '',
      'Schema: `shared/bench/peer-pod-schema-k8s-1.12.json` (Kubernetes **1.12.2** Pod definitions, strict `additionalProperties: false`),',
      'given as `yaml.schemas`; schema store and CRD store disabled. yaml-language-server waits a fixed 200 ms',
      '(`validationDelayMs`, not a setting) before validating, included in its figures; the last column subtracts it.',
      '',
      '| What | yaml-ls median ms | yaml-ls p95 ms | median minus 200 ms delay |',
      '| --- | ---: | ---: | ---: |',
      `| open the file -> diagnostics | ${ms(p.open.median)} | ${ms(p.open.p95)} | ${ms(p.open.median - 200)} |`,
      `| edit one character inside a line -> diagnostics | ${ms(p.editInLine.median)} | ${ms(p.editInLine.p95)} | ${ms(p.editInLine.median - 200)} |`,
      `| insert or delete a line at the top -> diagnostics | ${ms(p.editNewLine.median)} | ${ms(p.editNewLine.p95)} | ${ms(p.editNewLine.median - 200)} |`,
      '',
      `yaml-language-server publishes ${p.diagnostics} diagnostics for the file; its peak RSS ${p.peakRssMiB?.toFixed(0) ?? '?'} MiB.`,
      'It checks only the schema (an older one), Podscope also the API server\'s rules and run-time warnings, so the work differs.',
    );
  } else if (peer) {
    lines.push('', `Peer (yaml-language-server) skipped: ${peer.skipped}.`);
  }
  return lines.join('\n');
}

function renderCli(r: CliResult, opts: BenchOptions): string {
  const perSecond = (t: number) => (r.files / (t / 1000)).toFixed(0);
  const row = (f: CliResult['single']) =>
    `| ${f.name} | ${ms(f.wall.median)} (${ms(f.wall.min)}–${ms(f.wall.max)}) | ${perSecond(f.wall.median)} | ${perSecond(f.wall.min)} | ${ms(f.cpu.median)} | ${perSecond(f.cpu.median)} | ${f.peakRssMiB.toFixed(0)} |`;
  const lines = [
    '## CLI over many files',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`${COMMAND}\` (${r.files} files, ${opts.cliRuns} turns) on ${cpus()[0]?.model ?? 'unknown CPU'},`,
    `${cpus().length} cores, Node ${process.version}; load average at start ${loadavg()[0]!.toFixed(2)}. The tools take turns on the same files; every run is a`,
    'new process (start-up, JIT warm-up and reading the files included), timed by `/usr/bin/time`.',
    '',
    `Input: ${r.files} generated manifests, ${r.lines} lines (\`test/bench/generateManifests.ts\`, seed ${r.seed}): Pods, Deployments, StatefulSets,`,
    'DaemonSets, ReplicaSets, Jobs and CronJobs of about 100 lines, each with an init container, two containers, probes, env, resources',
    'and volumes; about one in eight has mistakes.',
    '',
    'version' in r.exact
      ? `The podscope rows run as users get them: with the exact layer (kube-apiserver's own checks, WebAssembly), here the Kubernetes ${r.exact.version} module \`auto\` picks from \`dist/exact\`, whose cost per object counts in every figure; the \`--no-exact\` row is the engine alone.`
      : `The exact layer was unavailable (${r.exact.unavailable}).`,
    '',
    '| tool | wall ms, median (min–max) | files/s at the median | files/s at the best run | CPU ms, median | files per CPU-second | peak RSS MiB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(r.single),
    row(r.parallel),
    row(r.noExact),
    ...(r.peer ? [row(r.peer)] : []),
    ...(r.baseline ? [row({ ...r.baseline, name: `before (\`${opts.cliBaseline}\`)` })] : []),
    '',
  ];
  if (r.peer && r.speedupOverPeer !== undefined) lines.push(`Podscope on all cores was ${r.speedupOverPeer.toFixed(2)}× as fast as ${r.peer.name} (median of the per-turn ratios of wall time).`);
  for (const n of r.notes) lines.push('', `Note: ${n}.`);
  return lines.join('\n');
}

function log(s: string): void {
  process.stderr.write(`bench: ${s}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
