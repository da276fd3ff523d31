// The extension-host suite (test/extensionHost/suite) run inside code-server by runInCodeServer.ts: each of its
// tests is reported here as a test of its own, so the editor phase counts and names them.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { formatRun, runSuiteInCodeServer, type CodeServerSuiteRun } from '../extensionHost/runInCodeServer';
import { suiteDir } from '../extensionHost/compileSuite';
import { editorSkipReason } from './editorTools';

const skip = editorSkipReason();

describe('extension-host suite in code-server', async () => {
  // An async describe: the suite runs while node:test collects the tests, which are then one per suite result.
  let run: CodeServerSuiteRun | undefined;
  let failure: unknown;
  if (!skip) {
    try {
      run = await runSuiteInCodeServer();
      process.stderr.write(`${formatRun(run)}\n`);
    } catch (e) {
      failure = e;
    }
  }

  test('the suite ran in the extension host: every suite file reported, and the host exited 0 only if all passed', { skip }, () => {
    if (failure) throw failure;
    const files = readdirSync(suiteDir).filter((f) => f.endsWith('.suite.ts')).map((f) => f.replace(/\.ts$/, '.js')).sort();
    assert.deepEqual([...new Set(run!.results.map((r) => r.file))].sort(), files);
    assert.equal(run!.exitCode === 0, run!.results.every((r) => r.status !== 'fail'));
  });

  for (const r of run?.results ?? []) {
    test(`${r.file} › ${r.name}`, { skip: r.status === 'skip' ? 'skipped in the extension host' : false }, () => {
      if (r.status === 'fail') assert.fail(r.error ?? 'failed');
    });
  }
});
