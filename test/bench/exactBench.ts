// The exact layer's timings in the real server process (dist/cli.js lsp --stdio, as an editor runs
// it): time to the engine's and to the API server's first diagnostics after the server starts, and,
// once the module is loaded, edit → engine diagnostics and edit → API-server diagnostics on the
// 200-pod file; peak RSS of the server (worker thread included: same process). Needs `npm run build`.
//   node --import tsx test/bench/exactBench.ts [--runs N] [--version 1.36] [--engine-only] [--no-write]
// (`npm run bench -- --only exact` builds, then runs it.) --engine-only runs are printed, never written.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { EXACT_STATUS_NOTIFICATION, type ExactStatusParams } from '../../server/src/shared/protocol';
import { LspHarness } from '../lsp/lspHarness';
import { marked, markers, writeSection } from './docSection';
import { generatePods } from './generatePods';
import { ms, processMemory, summarize, type Summary } from './stats';

const ROOT = join(__dirname, '..', '..');
export const EXACT_SECTION = markers('exact-bench', 'npm run bench -- --only exact');

export interface ExactOptions { runs: number; version: string; exactEnabled: boolean }
export interface ExactResult {
  options: ExactOptions;
  pods: number;
  lines: number;
  /** The module the server used, and why (its status notification). */
  used?: ExactStatusParams;
  engineFirstMs: number;
  exactFirstMs?: number;
  engineEdit: Summary;
  exactEdit?: Summary;
  /** Opening another file once the module is loaded: engine and API-server diagnostics, ms after didOpen. */
  opened: { name: string; engineMs: number; exactMs: number }[];
  peakRssMiB?: number;
  machine: string;
}

export async function benchExact(options: ExactOptions): Promise<ExactResult> {
  const { runs, version, exactEnabled } = options;
  const load = loadavg()[0]!;
  const file = generatePods(200);
  const settings = { podscope: { kubernetesVersion: version, exact: { enable: exactEnabled, featureGates: {} } } };
  const start = performance.now();
  const h = await LspHarness.start({
    command: { cmd: process.execPath, args: [...(process.env.PODSCOPE_BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PODSCOPE_BENCH_PROF] : []), join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'] },
    configuration: (item) => (item.section === 'podscope' ? settings.podscope : null),
  });
  const statuses: ExactStatusParams[] = [];
  h.connection.onNotification(EXACT_STATUS_NOTIFICATION, (p: ExactStatusParams) => { statuses.push(p); });
  h.connection.onNotification('window/logMessage', (p: { message: string }) => { process.stderr.write(`server: ${p.message}\n`); });
  const api = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => String(d.code).startsWith('api-'));
  try {
    const uri = 'file:///bench/exact.yaml';
    const exactFirst = exactEnabled ? h.nextDiagnostics(uri, api, 120_000) : undefined;
    const engineDiagnostics = h.nextDiagnostics(uri, (p) => p.version === 1, 120_000);
    await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: file.text } });
    await engineDiagnostics;
    const engineFirst = performance.now() - start;
    await exactFirst;
    const exactAfterStart = performance.now() - start;
    const lines = file.text.split('\n');
    const line = lines.findIndex((l) => l === '  name: web-100');
    const engineEdit: number[] = [];
    const exactEdit: number[] = [];
    for (let i = 0; i < runs; i++) {
      const v = i + 2;
      const first = h.nextDiagnostics(uri, (p) => p.version === v, 30_000);
      const second = exactEnabled ? waitSecond(h, uri, v) : undefined;
      const t = performance.now();
      await h.change(uri, v, [{ range: { start: { line, character: 14 }, end: { line, character: 15 } }, text: i % 2 ? '0' : '1' }]);
      await first;
      engineEdit.push(performance.now() - t);
      if (second) { await second; exactEdit.push(performance.now() - t); }
    }
    // Opening a file once the module is loaded: one pod, and another 200-pod file (every document new to the module).
    const opened: ExactResult['opened'] = [];
    if (exactEnabled) {
      for (const [name, text] of [['one-pod', generatePods(1).text.replace(/web-/g, 'single-')], ['200-pod', file.text.replace(/web-/g, 'api-')]] as const) {
        const other = `file:///bench/${name}.yaml`;
        const engine = h.nextDiagnostics(other, (p) => p.version === 1, 30_000);
        const merged = waitSecond(h, other, 1);
        const t = performance.now();
        await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text } });
        await engine;
        const engineMs = performance.now() - t;
        await merged;
        opened.push({ name, engineMs, exactMs: performance.now() - t });
      }
    }
    const mem = h.pid ? processMemory(h.pid) : undefined;
    const used = statuses.at(-1);
    return {
      options, pods: file.pods, lines: file.lines, ...(used ? { used } : {}),
      engineFirstMs: engineFirst, ...(exactEnabled ? { exactFirstMs: exactAfterStart, exactEdit: summarize(exactEdit) } : {}),
      engineEdit: summarize(engineEdit), opened, ...(mem ? { peakRssMiB: mem.peakRssMiB } : {}),
      machine: `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load average at start ${load.toFixed(2)}`,
    };
  } finally {
    await h.stop().catch(() => h.kill());
    h.kill();
  }
}

/** The second publish of a version: the engine's comes first, the merged one after the module answers. */
function waitSecond(h: LspHarness, uri: string, version: number): Promise<PublishDiagnosticsParams> {
  let seen = 0;
  return h.nextDiagnostics(uri, (p) => p.version === version && ++seen === 2, 30_000);
}

export function renderExact(r: ExactResult, command: string): string {
  const o = r.options;
  const row = (what: string, figure: string | undefined) => `| ${what} | ${figure ?? '—'} |`;
  const edit = (s: Summary | undefined) => s && `${ms(s.median)} / ${ms(s.p95)} ms`;
  return [
    `### Exact layer: the latest run of \`${command}\``,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${r.machine}; server \`dist/cli.js lsp --stdio\`, exact layer`,
    `${o.exactEnabled ? `on (\`podscope.kubernetesVersion: ${o.version}\`, module ${r.used?.version ?? '?'})` : 'off (engine only)'}; the 200-pod file of \`generatePods.ts\`,`,
    `${r.lines.toLocaleString('en-US')} lines; ${o.runs} one-character edits.`,
    '',
    '| measure | figure |',
    '| --- | ---: |',
    row('server start → first engine diagnostics (a large file\'s first documents)', `${ms(r.engineFirstMs)} ms`),
    row('server start → API-server diagnostics (200 documents)', r.exactFirstMs === undefined ? undefined : `${ms(r.exactFirstMs)} ms`),
    row('edit → engine diagnostics, median / p95', edit(r.engineEdit)),
    row('edit → API-server diagnostics (the edited document only), median / p95', edit(r.exactEdit)),
    ...r.opened.map((x) => row(`open a ${x.name} file, module loaded → first engine / API-server diagnostics`, `${ms(x.engineMs)} / ${ms(x.exactMs)} ms`)),
    row('server peak RSS', r.peakRssMiB === undefined ? undefined : `${r.peakRssMiB.toFixed(0)} MiB`),
  ].join('\n');
}

if (require.main === module) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
  const options = { runs: Number(arg('--runs') ?? 40), version: arg('--version') ?? 'auto', exactEnabled: !process.argv.includes('--engine-only') };
  benchExact(options).then((r) => {
    const body = renderExact(r, `node --import tsx test/bench/exactBench.ts ${process.argv.slice(2).join(' ')}`.trim());
    process.stdout.write(`\n${marked(EXACT_SECTION, body)}\n`);
    if (options.exactEnabled && !process.argv.includes('--no-write')) writeSection(EXACT_SECTION, body);
  }).catch((err) => { process.stderr.write(`${(err as Error).stack}\n`); process.exit(1); });
}
