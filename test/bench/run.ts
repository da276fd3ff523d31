// `npm run bench`: times the engine and the language server on a generated 200-pod file, optionally
// beside Red Hat's yaml-language-server, and writes the figures into docs/benchmarks.md.
//
//   npm run bench -- [--runs N] [--no-peer] [--no-write] [--sizes | --only-sizes] [--no-cli] [--cli-files N] [--cli-runs N]
//                    [--cli-baseline OLD_CLI_JS]
//
// --sizes also runs the large-file benchmark (sizeBench.ts: 1/10/50 MB, a 50 MB Pod, 20,000 documents,
// several minutes); --only-sizes runs just that one.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { YAML_ALIAS } from '../cli/cliHarness';
import { benchCli, type CliResult } from './cliBench';
import { benchEngine, type EngineResult } from './engineBench';
import { generatePods } from './generatePods';
import { benchSizes, renderSizes, type SizeResult } from './sizeBench';
import { benchLsp, type LspResult, type LspTarget } from './lspBench';
import { ms, type Summary } from './stats';

const ROOT = join(__dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const PEER_SCHEMA = join(ROOT, '..', 'shared', 'bench', 'peer-pod-schema-k8s-1.12.json');
const BEGIN = '<!-- engine-lsp-bench:begin (written by npm run bench) -->';
const END = '<!-- engine-lsp-bench:end -->';
const CLI_BEGIN = '<!-- cli-bench:begin (written by npm run bench) -->';
const CLI_END = '<!-- cli-bench:end -->';

const SIZES_BEGIN = '<!-- size-bench:begin (written by npm run bench -- --sizes) -->';
const SIZES_END = '<!-- size-bench:end -->';

interface Options {
  runs: number; peer: boolean; write: boolean; sizes: boolean; onlySizes: boolean;
  cli: boolean; cliFiles: number; cliRuns: number; cliBaseline?: string;
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const baseline = value('--cli-baseline');
  const onlySizes = argv.includes('--only-sizes');
  return {
    runs: Number(value('--runs') ?? 40), peer: !argv.includes('--no-peer'), write: !argv.includes('--no-write'),
    sizes: onlySizes || argv.includes('--sizes'), onlySizes,
    cli: !argv.includes('--no-cli'), cliFiles: Number(value('--cli-files') ?? 2400), cliRuns: Number(value('--cli-runs') ?? 5),
    ...(baseline ? { cliBaseline: baseline } : {}),
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (opts.sizes) {
    const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, load average at start ${loadavg()[0]!.toFixed(2)}`;
    const report = (results: readonly SizeResult[]) => `${SIZES_BEGIN}\n${renderSizes(results, `npm run bench -- ${process.argv.slice(2).join(' ')}`, machine)}\n${SIZES_END}`;
    // Written after every input: the 50 MB runs take minutes, and a stopped run keeps what it measured.
    const results = benchSizes(ROOT, (so) => { if (opts.write) writeSection(report(so), SIZES_BEGIN, SIZES_END); }, log);
    process.stdout.write(`\n${report(results)}\n`);
    if (opts.onlySizes) return;
  }
  const file = generatePods(200);
  log(`file: ${file.pods} pods, ${file.lines} lines, ${(file.text.length / 1024).toFixed(0)} KiB; ${opts.runs} runs`);
  const engine = benchEngine(file.text, opts.runs);
  log(`engine: cold ${ms(engine.cold)} ms, warm median ${ms(engine.warm.median)} ms`);
  const dir = mkdtempSync(join(tmpdir(), 'podscope-bench-'));
  try {
    const server = join(dir, 'server.js');
    buildSync({ entryPoints: [join(ROOT, 'server/src/server.ts')], outfile: server, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', alias: YAML_ALIAS });
    const podscope = await benchLsp({ name: 'podscope', cmd: process.execPath, args: [server, '--stdio'] }, file.text, opts.runs);
    log(`podscope LSP: edit median ${ms(podscope.editInLine.median)} ms`);
    const peer = opts.peer ? await benchPeer(file.text, opts.runs) : undefined;
    const report = render(file, opts, engine, podscope, peer);
    process.stdout.write(`\n${report}\n`);
    if (opts.write) writeSection(report, BEGIN, END);
    if (opts.cli) {
      const cli = benchCli(opts.cliFiles, 1, opts.cliRuns, log, opts.cliBaseline);
      const cliReport = renderCli(cli, opts);
      process.stdout.write(`\n${cliReport}\n`);
      if (opts.write) writeSection(cliReport, CLI_BEGIN, CLI_END);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

function render(file: ReturnType<typeof generatePods>, opts: Options, engine: EngineResult, podscope: LspResult, peer: Awaited<ReturnType<typeof benchPeer>> | undefined): string {
  const row = (what: string, s: Summary) => `| ${what} | ${ms(s.median)} | ${ms(s.p95)} | ${s.runs} |`;
  const peerVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
  const lines = [
    BEGIN,
    '## Engine and language server',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (${opts.runs} runs) on ${cpus()[0]?.model ?? 'unknown CPU'},`,
    `${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}; load average at start ${loadavg()[0]!.toFixed(2)}`,
    '(the machine is shared, so other work runs at the same time: read medians, not single runs).',
    '',
    `Input: a generated file of ${file.pods} pods, ${file.lines} lines (${(file.text.length / 1024).toFixed(0)} KiB) (\`test/bench/generatePods.ts\`): two containers per pod`,
    `with ports, probes, env, a volume mount and resources; every tenth pod has mistakes. Podscope finds ${engine.findings} problems in it.`,
    '',
    '### Engine (in process)',
    '',
    '| What | median ms | p95 ms | runs |',
    '| --- | ---: | ---: | ---: |',
    `| cold: first parse + validate of the whole file | ${ms(engine.cold)} | | 1 |`,
    row('warm: parse + validate of the whole file', engine.warm),
    '',
    `Memory after the warm runs: heap used ${engine.heapUsedMiB.toFixed(0)} MiB, peak RSS of the benchmark process ${engine.peakRssMiB.toFixed(0)} MiB.`,
    '',
    '### Language server over stdio (JSON-RPC, child process), client-side wall time until publishDiagnostics',
    '',
    '| What | Podscope median ms | Podscope p95 ms | runs |',
    '| --- | ---: | ---: | ---: |',
    row('open the file -> diagnostics', podscope.open),
    row('edit one character inside a line -> diagnostics', podscope.editInLine),
    row('insert or delete a line at the top (every document moves) -> diagnostics', podscope.editNewLine),
    '',
    `Podscope publishes ${podscope.diagnostics} diagnostics for the file; server peak RSS ${podscope.peakRssMiB?.toFixed(0) ?? '?'} MiB.`,
    `Target: under 50 ms from an edit to its diagnostics — ${podscope.editInLine.p95 < 50 && podscope.editNewLine.p95 < 50 ? 'met' : 'NOT met'} at p95 (in-line edit ${ms(podscope.editInLine.p95)} ms, line insert ${ms(podscope.editNewLine.p95)} ms).`,
    'An edit re-parses and re-validates only the YAML document it touches; the other documents\' findings are reused and shifted.',
  ];
  if (peer && 'result' in peer) {
    const p = peer.result;
    lines.push(
      '',
      `### Peer: Red Hat yaml-language-server ${peerVersion}, same file, same harness`,
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
  lines.push(END);
  return lines.join('\n');
}

function renderCli(r: CliResult, opts: Options): string {
  const perSecond = (t: number) => (r.files / (t / 1000)).toFixed(0);
  const row = (f: CliResult['single']) =>
    `| ${f.name} | ${ms(f.wall.median)} (${ms(f.wall.min)}–${ms(f.wall.max)}) | ${perSecond(f.wall.median)} | ${perSecond(f.wall.min)} | ${ms(f.cpu.median)} | ${perSecond(f.cpu.median)} | ${f.peakRssMiB.toFixed(0)} |`;
  const lines = [
    CLI_BEGIN,
    '## CLI over many files',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (${r.files} files, ${opts.cliRuns} turns) on ${cpus()[0]?.model ?? 'unknown CPU'},`,
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
  lines.push(CLI_END);
  return lines.join('\n');
}

/** Replaces only this benchmark's section, so other sections of docs/benchmarks.md stay as they are. */
function writeSection(section: string, begin: string, endMarker: string): void {
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(begin);
  const end = current.indexOf(endMarker);
  const next = start >= 0 && end > start
    ? current.slice(0, start) + section + current.slice(end + endMarker.length)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  log(`wrote ${DOC}`);
}

function log(s: string): void {
  process.stderr.write(`bench: ${s}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
