// Entry point VS Code loads as `extensionTestsPath` (code-server via runInCodeServer.ts, desktop VS Code via
// runElectron.ts): runs every compiled *.suite.js beside it with node:test inside the extension host, so the
// tests share the `vscode` API of the editor that hosts Podscope. Results go to the console and, when
// PODSCOPE_SUITE_RESULTS names a file, as JSON to that file for the launcher to read.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { run as runTests, type RunOptions } from 'node:test';
import type { SuiteReport, SuiteResult } from './report';

const TEST_TIMEOUT_MS = 60_000;

export async function run(): Promise<void> {
  // The bundles carry inline source maps: failures then point at the .ts lines.
  process.setSourceMapsEnabled(true);
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.suite.js')).sort().map((f) => path.join(__dirname, f));
  if (files.length === 0) throw new Error(`no *.suite.js files in ${__dirname}`);
  const started = Date.now();
  const results = await collect(runTests(inProcess({ files, timeout: TEST_TIMEOUT_MS, concurrency: 1 })));
  const report: SuiteReport = { results, durationMs: Date.now() - started, node: process.version };
  const out = process.env.PODSCOPE_SUITE_RESULTS;
  // Written whole then renamed, so a launcher polling for the file never reads half of it.
  if (out) {
    writeFileSync(`${out}.partial`, JSON.stringify(report, null, 2));
    renameSync(`${out}.partial`, out);
  }
  const failed = results.filter((r) => r.status === 'fail');
  if (failed.length) throw new Error(`${failed.length} of ${results.length} extension-host tests failed: ${failed.map((r) => r.name).join('; ')}`);
}

// `isolation: 'none'` (Node >= 22.8) runs the files in this process. The default would fork a plain Node,
// where `require('vscode')` cannot work. @types/node 20 doesn't know the option yet.
function inProcess(options: RunOptions): RunOptions {
  return { ...options, isolation: 'none' } as RunOptions;
}

/**
 * In-process, node:test only ends its stream when the process is about to exit, which an extension host never is.
 * All files are imported (and their top-level tests enqueued) before the first test runs, so the run is over
 * once every enqueued top-level test has reported.
 */
async function collect(stream: ReturnType<typeof runTests>): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  let enqueued = 0;
  for await (const event of stream) {
    if (event.type === 'test:enqueue' && event.data.nesting === 0) enqueued++;
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, file, details } = event.data;
    // Subtests roll up into their top-level test; a file that fails to load is reported as a test of its own.
    if (nesting !== 0) continue;
    const skip = 'skip' in event.data ? event.data.skip : undefined;
    const result: SuiteResult = {
      name,
      file: file ? path.basename(file) : undefined,
      status: event.type === 'test:fail' ? 'fail' : skip !== undefined && skip !== false ? 'skip' : 'pass',
      durationMs: Math.round(details.duration_ms),
      ...(event.type === 'test:fail' ? { error: describeError(details.error) } : {}),
    };
    results.push(result);
    console.log(`${result.status.padEnd(4)} ${result.name} (${result.durationMs} ms)${result.error ? `\n${result.error}` : ''}`);
    if (results.length === enqueued) break;
  }
  return results;
}

/** node:test wraps the thrown error in a 'testCodeFailure' whose cause is the assertion. */
function describeError(error: Error | undefined): string {
  if (!error) return 'failed';
  const cause = (error as Error & { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  return inner.stack ?? inner.message;
}
