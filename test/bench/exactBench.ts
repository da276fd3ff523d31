// The exact layer's timings in the real server process (dist/cli.js lsp --stdio, as an editor runs
// it): time to the engine's and to the API server's first diagnostics after the server starts, and,
// once the module is loaded, edit → engine diagnostics and edit → API-server diagnostics on the
// 200-pod file; peak RSS of the server (worker thread included: same process).
//   node --import tsx test/bench/exactBench.ts [--runs N] [--version 1.36]
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { EXACT_STATUS_NOTIFICATION, type ExactStatusParams } from '../../server/src/shared/protocol';
import { LspHarness } from '../lsp/lspHarness';
import { generatePods } from './generatePods';
import { ms, processMemory, summarize } from './stats';

const ROOT = join(__dirname, '..', '..');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const runs = Number(arg('--runs') ?? 40);
const version = arg('--version') ?? 'auto';
const exactEnabled = !process.argv.includes('--engine-only');

async function main(): Promise<void> {
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
    const opened: string[] = [];
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
        opened.push(`open a ${name} file with the module loaded → engine diagnostics: ${ms(engineMs)}, API-server diagnostics: ${ms(performance.now() - t)}`);
      }
    }
    const mem = h.pid ? processMemory(h.pid) : undefined;
    const used = statuses.at(-1);
    const e = summarize(engineEdit);
    process.stdout.write([
      `exact layer: ${exactEnabled ? `on (${used?.version ?? '?'}: ${used?.reason ?? ''})` : 'off'}; ${file.pods} pods, ${file.lines} lines; ${runs} edits`,
      `${cpus().length} × ${cpus()[0]?.model}; load average ${loadavg()[0]!.toFixed(2)}; Node ${process.version}`,
      `server start → engine diagnostics: ${ms(engineFirst)}`,
      exactEnabled ? `server start → API-server diagnostics: ${ms(exactAfterStart)}` : '',
      `edit → engine diagnostics: median ${ms(e.median)}, p95 ${ms(e.p95)}`,
      exactEnabled ? (() => { const x = summarize(exactEdit); return `edit → API-server diagnostics: median ${ms(x.median)}, p95 ${ms(x.p95)}`; })() : '',
      ...opened,
      `server peak RSS: ${mem?.peakRssMiB ?? '?'} MiB`,
    ].filter(Boolean).join('\n') + '\n');
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

main().catch((err) => { process.stderr.write(`${(err as Error).stack}\n`); process.exit(1); });
