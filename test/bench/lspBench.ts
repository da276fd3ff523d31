// A language server over a real JSON-RPC connection to a child process, timed from the client's
// side: didOpen -> publishDiagnostics, and a one-line didChange -> publishDiagnostics.
import type { ConfigurationItem } from 'vscode-languageserver/node';
import { LspHarness } from '../lsp/lspHarness';
import { processMemory, summarize, type Summary } from './stats';

export interface LspTarget {
  name: string;
  cmd: string;
  args: string[];
  configuration?: (item: ConfigurationItem) => unknown;
  /** Pushed with didChangeConfiguration after initialize, for servers that read settings that way. */
  settings?: unknown;
}

export interface LspResult {
  /** didOpen -> the first diagnostics; `openAll`: -> the diagnostics of the whole file (when its count is known). */
  open: Summary; openAll?: Summary; editInLine: Summary; editNewLine: Summary; diagnostics: number; peakRssMiB?: number }

/** `complete`: how many diagnostics the whole file has, so that a server publishing the first documents' first can be timed to both. */
export async function benchLsp(target: LspTarget, text: string, runs: number, complete?: number): Promise<LspResult> {
  const h = await LspHarness.start({ command: { cmd: target.cmd, args: target.args }, configuration: target.configuration });
  try {
    if (target.settings) await h.connection.sendNotification('workspace/didChangeConfiguration', { settings: target.settings });
    const open: number[] = [];
    const openAll: number[] = [];
    let diagnostics = 0;
    for (let i = 0; i < Math.max(5, Math.ceil(runs / 4)); i++) {
      const uri = `file:///bench/open-${i}.yaml`;
      const whole = complete === undefined ? undefined : h.nextDiagnostics(uri, (p) => p.diagnostics.length === complete, 30_000);
      const t = performance.now();
      diagnostics = (await h.open(uri, text)).diagnostics.length;
      open.push(performance.now() - t);
      if (whole) {
        diagnostics = (await whole).diagnostics.length;
        openAll.push(performance.now() - t);
      }
      await h.close(uri);
    }
    const uri = 'file:///bench/edit.yaml';
    await h.open(uri, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l === '  name: web-100');
    let version = 1;
    const editInLine: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Retype the pod's name: one character changes inside one line of the middle document.
      const range = { start: { line, character: 14 }, end: { line, character: 15 } };
      editInLine.push(await timeEdit(h, uri, ++version, range, i % 2 === 0 ? '1' : '0'));
    }
    const editNewLine: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Add, then remove, a comment line at the top: every document below moves.
      const range = i % 2 === 0 ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
      editNewLine.push(await timeEdit(h, uri, ++version, range, i % 2 === 0 ? '# moved\n' : ''));
    }
    const pid = h.pid;
    const memory = pid === undefined ? undefined : processMemory(pid);
    return { open: summarize(open), ...(openAll.length ? { openAll: summarize(openAll) } : {}), editInLine: summarize(editInLine), editNewLine: summarize(editNewLine), diagnostics, peakRssMiB: memory?.peakRssMiB };
  } finally {
    await h.stop().catch(() => h.kill());
    h.kill();
  }
}

async function timeEdit(h: LspHarness, uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
  const published = h.nextDiagnostics(uri, (p) => p.version === version || p.version === undefined, 30_000);
  const t = performance.now();
  await h.change(uri, version, [{ range, text }]);
  await published;
  return performance.now() - t;
}
