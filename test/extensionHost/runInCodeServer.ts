// Runs the extension-host suite (test/extensionHost/suite) inside code-server: the packaged VSIX is installed in a
// fresh profile, and the workbench URL's payload names a stub development extension plus the compiled suite as
// extensionTestsPath, so VS Code itself loads the suite into the remote extension host next to Podscope.
// The suite writes its results as JSON; VS Code also reports the exit code to `window.codeAutomationExit`.
//
//   node --import tsx test/extensionHost/runInCodeServer.ts      exit 0 when every test passed
//   PODSCOPE_SUITE_DEBUG=1 ...                                   also print the workbench console, keep temp dirs
import { mkdirSync, mkdtempSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, remoteUri, startCodeServer, type CodeServer } from '../e2e/codeServer';
import { compileSuite, suiteWorkspace } from './compileSuite';
import type { SuiteReport } from './suite/report';

const SUITE_DEADLINE_MS = 5 * 60_000;

export interface CodeServerSuiteRun extends SuiteReport {
  /** The extension host's exit code as VS Code reported it (0: the suite's run() resolved). */
  exitCode: number;
}

export async function runSuiteInCodeServer(log: (m: string) => void = () => {}): Promise<CodeServerSuiteRun> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'podscope-suite-'));
  let cs: CodeServer | undefined;
  try {
    const entry = await compileSuite(path.join(tmp, 'out'));
    const devExtension = writeRunnerExtension(path.join(tmp, 'runner'));
    const workspace = path.join(tmp, 'workspace');
    cpSync(suiteWorkspace, workspace, { recursive: true });
    const resultsFile = path.join(tmp, 'results.json');

    const port = await freePort();
    let reportExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => { reportExit = resolve; });
    cs = await startCodeServer({
      workspace,
      port,
      // An empty kubeconfig path: the explorer must not reach whatever cluster this machine's ~/.kube/config names.
      env: { PODSCOPE_SUITE_RESULTS: resultsFile, KUBECONFIG: path.join(tmp, 'no-kubeconfig') },
      payload: [
        ['extensionDevelopmentPath', remoteUri(port, devExtension)],
        ['extensionTestsPath', remoteUri(port, entry)],
      ],
      beforeNavigate: async (page) => {
        // The suite's console output reaches the workbench's console; keep it for the failure report.
        page.on('console', (msg) => { if (process.env.PODSCOPE_SUITE_DEBUG) log(`console.${msg.type()}: ${msg.text()}`); });
        await page.exposeFunction('codeAutomationExit', (code: number) => { log(`codeAutomationExit ${code}`); reportExit(code); });
      },
      log,
      keepProfile: !!process.env.PODSCOPE_SUITE_DEBUG,
    });
    const exitCode = await withDeadline(exited, SUITE_DEADLINE_MS, () => `the suite did not finish within ${SUITE_DEADLINE_MS / 1000} s; code-server log: ${tail(cs!.logFile)}`);
    if (!existsSync(resultsFile)) {
      throw new Error(`the extension host exited with ${exitCode} without writing results (suite failed to load?); code-server log: ${tail(cs.logFile)}`);
    }
    const report = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteReport;
    return { ...report, exitCode };
  } finally {
    await cs?.stop();
    if (!process.env.PODSCOPE_SUITE_DEBUG) rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * VS Code runs extension tests only in a window that develops an extension. This one contributes nothing, so the
 * Podscope under test is the one installed from the VSIX, as users get it.
 */
function writeRunnerExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'podscope-test-runner', publisher: 'podscope', version: '0.0.0', engines: { vscode: '^1.91.0' },
  }, null, 2));
  return dir;
}

function withDeadline<T>(p: Promise<T>, ms: number, why: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(why())), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function tail(file: string, lines = 40): string {
  try { return `\n${readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n')}`; } catch { return `${file} (unreadable)`; }
}

export function formatRun(run: CodeServerSuiteRun): string {
  const lines = run.results.map((r) => `${r.status.padEnd(4)} ${r.file ?? ''} › ${r.name} (${r.durationMs} ms)${r.error ? `\n     ${r.error.split('\n').join('\n     ')}` : ''}`);
  const count = (s: string) => run.results.filter((r) => r.status === s).length;
  lines.push(`${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped in ${run.durationMs} ms (extension host on Node ${run.node}, exit ${run.exitCode})`);
  return lines.join('\n');
}

if (require.main === module) {
  runSuiteInCodeServer((m) => process.stderr.write(`[code-server] ${m}\n`)).then((run) => {
    process.stdout.write(`${formatRun(run)}\n`);
    process.exit(run.exitCode === 0 && run.results.every((r) => r.status !== 'fail') ? 0 : 1);
  }, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
