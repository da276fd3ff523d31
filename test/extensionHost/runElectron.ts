// Runs the same extension-host suite as runInCodeServer.ts in desktop VS Code (Electron), through
// @vscode/test-electron: for machines that can download VS Code and show (or fake, with xvfb) a display.
// This machine can do neither, so the editor phase uses runInCodeServer.ts; this entry is kept working for CI.
//
//   npm run build && node --import tsx test/extensionHost/runElectron.ts
//   VSCODE_VERSION=1.101.0 ...          a given VS Code instead of the latest stable (must run the suite's
//                                        node:test in-process: Node >= 22.8 inside, i.e. VS Code >= 1.101)
//
// Unlike the code-server run, Podscope is loaded from this checkout (extensionDevelopmentPath = repo root, dist/
// from `npm run build`) rather than from the packaged VSIX.
import { existsSync, mkdtempSync, cpSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../e2e/editorTools';
import { compileSuite, suiteWorkspace } from './compileSuite';
import type { SuiteReport } from './suite/report';

async function main(): Promise<number> {
  if (!existsSync(path.join(repoRoot, 'dist', 'client.js'))) throw new Error('dist/client.js is missing: run `npm run build` first');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'podscope-electron-'));
  try {
    const entry = await compileSuite(path.join(tmp, 'out'));
    const workspace = path.join(tmp, 'workspace');
    cpSync(suiteWorkspace, workspace, { recursive: true });
    const resultsFile = path.join(tmp, 'results.json');
    const exitCode = await runTests({
      ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: entry,
      extensionTestsEnv: { PODSCOPE_SUITE_RESULTS: resultsFile, KUBECONFIG: path.join(tmp, 'no-kubeconfig') },
      launchArgs: [
        workspace,
        // Only Podscope (in development) and VS Code's built-ins: no extensions of the user's own installation.
        '--disable-extensions',
        '--user-data-dir', path.join(tmp, 'user-data'),
        '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust',
      ],
    });
    if (!existsSync(resultsFile)) throw new Error(`VS Code exited with ${exitCode} without writing suite results`);
    const report = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteReport;
    const failed = report.results.filter((r) => r.status === 'fail');
    process.stdout.write(`${report.results.length - failed.length} of ${report.results.length} passed in ${report.durationMs} ms (Node ${report.node})\n`);
    return exitCode === 0 && failed.length === 0 ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
