// Activation and start-up in a real VS Code (code-server with the packaged VSIX, driven by Chromium):
//  - opening a YAML file with one mistake → its squiggle (activation + language server start + first diagnostics);
//  - VS Code's own activation time of the extension ("Developer: Show Running Extensions");
//  - opening the 200-pod file once the server runs → its first squiggle;
//  - opening the Pods view → the context row, then the namespace's pod rows (against the local cluster);
//  - the bundles' and the VSIX's sizes.
// Each run is a new code-server profile (nothing cached by an earlier run). Figures go to docs/benchmarks.md.
//
//   node --import tsx test/bench/activation.ts [--runs=3] [--no-write] [--vsix=PATH]
// --vsix runs a VSIX packaged earlier (e.g. from another commit, to alternate before/after runs on one machine state)
// instead of packaging this tree; the bundle sizes are then not reported (they are this tree's, not the VSIX's).
// `npm run bench -- --only activation` runs `npm run build` first (the VSIX carries dist/exact), then this.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureCluster } from '../cluster/cluster';
import { packagedVsix, startCodeServer } from '../e2e/codeServer';
import { editorSkipReason } from '../e2e/editorTools';
import { openPodsView, treeRow } from '../e2e/explorerSteps';
import { activeEditor, openFromExplorer, runCommand } from '../e2e/workbench';
import { marked, markers, writeSection } from './docSection';
import { generatePods } from './generatePods';
import { summarize } from './stats';

const ROOT = join(__dirname, '..', '..');
const SECTION = markers('activation-bench', 'test/bench/activation.ts');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const RUNS = Number(arg('runs') ?? 3);
const GIVEN_VSIX = arg('vsix');
const LOAD_AT_START = loadavg()[0];

const ONE_MISTAKE = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 70000
    resources:
      limits: {cpu: 100m, memory: 64Mi}
`;

interface Run {
  openToFirstSquiggle: number;
  activationMs: number | undefined;
  activationEvent: string;
  bigFileToFirstSquiggle: number;
  podsViewToContextRow: number;
  podsViewToPodRows: number;
}

async function firstSquiggle(page: Page, file: string): Promise<number> {
  const t0 = performance.now();
  await openFromExplorer(page, file);
  // Any squiggle: the top of the 200-pod file shows a warning before its first error.
  await activeEditor(page).locator('.squiggly-error, .squiggly-warning, .squiggly-info').first().waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

/** VS Code's "Running Extensions" editor: the activation time it measured for Podscope, and the event that caused it. */
async function activationTime(page: Page): Promise<{ ms: number | undefined; event: string }> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const list = page.locator('.runtime-extensions-editor .monaco-list').first();
  await list.waitFor({ timeout: 30_000 });
  // The list is sorted by activation time, slowest first, and renders only the rows in view: a fast activation is
  // further down, so scroll until its row exists.
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Podscope' }).first();
  for (let i = 0; i < 40 && (await row.count()) === 0; i++) {
    await list.hover();
    await page.mouse.wheel(0, 300);
    await row.waitFor({ timeout: 250 }).catch(() => undefined);
  }
  await row.waitFor({ timeout: 30_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  const ms = /(?:Activation|Startup Activation):?\s*(\d+)\s*ms/i.exec(text)?.[1] ?? /(\d+)\s*ms/.exec(text)?.[1];
  const hover = await row.locator('.activation-time').first().getAttribute('title').catch(() => null);
  await page.keyboard.press('Control+W');
  return { ms: ms === undefined ? undefined : Number(ms), event: hover ?? text.slice(0, 120) };
}

async function oneRun(kubeconfig: string, vsix: string): Promise<Run> {
  const tmp = mkdtempSync(join(tmpdir(), 'podscope-bench-activation-'));
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'one.yaml'), ONE_MISTAKE);
  writeFileSync(join(workspace, 'pods.yaml'), generatePods(200).text);
  const cs = await startCodeServer({ workspace, vsix, env: { KUBECONFIG: kubeconfig } });
  try {
    const page = cs.page;
    const openToFirstSquiggle = await firstSquiggle(page, 'one.yaml');
    const activation = await activationTime(page);
    const bigFileToFirstSquiggle = await firstSquiggle(page, 'pods.yaml');
    const t0 = performance.now();
    await openPodsView(page);
    const podsViewToContextRow = performance.now() - t0;
    // The seeded kubeconfig's context opens on its namespace; the pods of "demo" are the rows a user looks for.
    await runCommand(page, 'Podscope: Choose Namespace');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'demo' }).first().click();
    const t1 = performance.now();
    await page.locator('.monaco-list[aria-label="Pods"] .monaco-list-row[aria-level="3"]').first().waitFor({ timeout: 60_000 });
    const podsViewToPodRows = podsViewToContextRow + (performance.now() - t1);
    await treeRow(page, 'demo', 2).count();
    return { openToFirstSquiggle, activationMs: activation.ms, activationEvent: activation.event, bigFileToFirstSquiggle, podsViewToContextRow, podsViewToPodRows };
  } catch (err) {
    process.stderr.write(`failed; screenshot: ${await cs.screenshot('bench-activation-failure')}\n`);
    throw err;
  } finally {
    await cs.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function sizes(vsix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of ['client.js', 'languageClient.js', 'clusterFeatures.js', 'server.js', 'cli.js', 'exactWorker.js']) out[`dist/${f}`] = statSync(join(ROOT, 'dist', f)).size;
  out['VSIX (four exact modules included)'] = statSync(vsix).size;
  return out;
}

async function main(): Promise<void> {
  const skip = editorSkipReason();
  if (skip) throw new Error(`cannot run: ${skip}`);
  const cluster = await ensureCluster();
  try {
    const vsix = GIVEN_VSIX ?? packagedVsix((m) => process.stderr.write(`${m}\n`));
    const runs: Run[] = [];
    const failures: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      try {
        runs.push(await oneRun(cluster.kubeconfig, vsix));
        process.stderr.write(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}\n`);
      } catch (err) {
        // A step that timed out on a loaded machine loses that run, not the figures of the others.
        failures.push(`run ${i + 1}: ${(err as Error).message.split('\n')[0]}`);
        process.stderr.write(`${failures.at(-1)}\n`);
      }
    }
    if (runs.length === 0) throw new Error(`every run failed:\n${failures.join('\n')}`);
    const size = GIVEN_VSIX ? { 'VSIX (given)': statSync(vsix).size } : sizes(vsix);
    const body = render(runs, size, failures);
    process.stdout.write(`\n${marked(SECTION, body)}\n`);
    if (!process.argv.includes('--no-write')) writeSection(SECTION, body);
  } finally {
    await cluster.release();
  }
}

function render(runs: Run[], size: Record<string, number>, failures: string[]): string {
  const row = (what: string, pick: (r: Run) => number | undefined) => {
    const xs = runs.map(pick).filter((x): x is number => x !== undefined);
    if (xs.length === 0) return `| ${what} | not shown by this VS Code | |`;
    const s = summarize(xs);
    return `| ${what} | ${s.median.toFixed(0)} ms | ${s.min.toFixed(0)}–${s.max.toFixed(0)} ms |`;
  };
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MiB`;
  return `### The latest run of \`node --import tsx test/bench/activation.ts${process.argv.slice(2).map((a) => ` ${a}`).join('')}\`

Measured ${new Date().toISOString().slice(0, 10)}: code-server with the ${GIVEN_VSIX ? 'given' : 'packaged'} VSIX,
driven by Chromium, ${runs.length} runs, each in a new profile; ${cpus().length} × ${cpus()[0]?.model.trim()}, load average at start
${LOAD_AT_START.toFixed(2)}. Times are wall clock in the browser, from the click to the first pixel that shows the result.

| What | median | range |
| --- | ---: | ---: |
${row('open a YAML file (extension not yet active) → its first squiggle', (r) => r.openToFirstSquiggle)}
${row('VS Code\'s own activation time of Podscope (Running Extensions)', (r) => r.activationMs)}
${row('then open the 200-pod file → its first squiggle', (r) => r.bigFileToFirstSquiggle)}
${row('open the Pods view → the context row', (r) => r.podsViewToContextRow)}
${row('… → the first pod rows of namespace demo (after choosing it)', (r) => r.podsViewToPodRows)}

${failures.length ? `Runs that failed (not in the figures): ${failures.join('; ')}.\n\n` : ''}Activation as VS Code reports it: ${runs[0]?.activationEvent ?? '?'}.

| Bundle | size |
| --- | ---: |
${Object.entries(size).map(([k, v]) => `| ${k} | ${mb(v)} |`).join('\n')}`;
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  // A stream or browser a failed run left open would keep the process alive.
  process.exit(1);
});
