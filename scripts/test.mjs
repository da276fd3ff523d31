#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every phase (lint, unit, cluster, editor) and
// closes with one line `podscope: N passed, N failed, N skipped` plus what was skipped and why.
// Uses only Node's standard library so it runs on a fresh clone before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { clusterDown, clusterRunning, clusterUp } from './cluster.mjs';
import { withoutNpmVariables } from './setup-editor.mjs';

// Every npm this script starts (npm ci, cluster:up, setup:editor's installs) sees a user's environment, not the
// `npm_*` variables of the npm that started this script: a nested npm reuses them as its own (see setup-editor.mjs).
process.env = withoutNpmVariables(process.env);

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice(7).split(',').filter(Boolean);
const wants = (phase) => only.length === 0 || only.includes(phase);

const PHASES = {
  unit: ['test/engine', 'test/lsp', 'test/cli', 'test/client', 'test/exact', 'test/bench'],
  cluster: ['test/cluster'],
  editor: ['test/e2e'],
};

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  return r.status;
}

function testFiles(dirs) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name === 'node_modules' || name === 'workspace' || name === 'fixtures') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.test\.(ts|mjs|js)$/.test(name)) out.push(relative(root, p));
    }
  };
  dirs.forEach((d) => walk(join(root, d)));
  return out;
}

const total = { passed: 0, failed: 0, skipped: 0, skips: [], failures: [] };
const notes = [];

// A test file that leaks a handle (a timer, a socket) would keep its runner alive; rather than let it hold CI
// until its deadline, a phase gets a wall-clock limit (normal runs take 1-2 minutes each). Not --test-force-exit:
// that can end the runner before its reporters have counted the last results.
const PHASE_LIMIT_MS = { unit: 15 * 60_000, cluster: 20 * 60_000, editor: 25 * 60_000 };

function runTests(phase, files, env = {}, concurrency) {
  if (files.length === 0) {
    notes.push(`${phase}: no test files`);
    return;
  }
  const tallyFile = join(mkdtempSync(join(tmpdir(), 'podscope-tally-')), 'tally.json');
  console.log(`\n=== ${phase}: ${files.length} test files ===`);
  const status = run(process.execPath, [
    '--import', 'tsx', '--test',
    `--test-timeout=${10 * 60_000}`,
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/countReporter.mjs')}`, '--test-reporter-destination=/dev/null',
    ...files,
  ], { env: { ...process.env, ...env, PODSCOPE_TALLY: tallyFile }, timeout: PHASE_LIMIT_MS[phase], killSignal: 'SIGKILL' });
  if (status === null) {
    total.failed++;
    total.failures.push({ name: `${phase} did not finish within ${PHASE_LIMIT_MS[phase] / 60_000} minutes (a test left something running?)` });
  }
  if (!existsSync(tallyFile)) {
    total.failed++;
    total.failures.push({ name: `${phase} runner exited ${status} without results` });
    return;
  }
  const t = JSON.parse(readFileSync(tallyFile, 'utf8'));
  total.passed += t.passed; total.failed += t.failed; total.skipped += t.skipped;
  total.skips.push(...t.skips); total.failures.push(...t.failures);
  // A timed-out phase (status null) is already counted above.
  if (status !== null && status !== 0 && t.failed === 0) {
    total.failed++;
    total.failures.push({ name: `${phase} runner exited ${status}` });
  }
}

function step(name, cmd, cmdArgs, env) {
  console.log(`\n=== ${name} ===`);
  const s = run(cmd, cmdArgs, env ? { env: { ...process.env, ...env } } : {}) ?? 1;
  if (s !== 0) {
    total.failed++;
    total.failures.push({ name: `${name} (exit ${s})` });
  }
  return s === 0;
}

/** The cluster phase's environment, `{ unavailable }`, or undefined when cluster:up failed. */
function clusterEnv() {
  console.log('\n=== cluster:up ===');
  const up = clusterUp(root, { stderr: 'inherit' });
  if (up.unavailable) return { unavailable: up.unavailable };
  if (!up.kubeconfig) return undefined;
  return { PODSCOPE_TEST_KUBECONFIG: up.kubeconfig };
}

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  if (!step('npm ci', 'npm', ['ci'])) process.exit(1);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

if (wants('lint')) step('lint (eslint + tsc --noEmit)', 'npm', ['run', '--silent', 'lint']);
if (wants('unit') || wants('cluster') || wants('editor')) step('build', 'npm', ['run', '--silent', 'build']);
if (wants('unit')) runTests('unit', testFiles(PHASES.unit));

if (wants('cluster')) {
  if (!pkg.scripts?.['cluster:up']) notes.push('cluster: skipped, no cluster:up script');
  else {
    const alreadyUp = clusterRunning(root);
    const env = clusterEnv();
    if (env?.unavailable && process.env.PODSCOPE_REQUIRE_CLUSTER !== '1') {
      notes.push(`cluster: skipped, this machine cannot run the local cluster: ${env.unavailable}`);
    } else if (!env || env.unavailable) {
      total.failed++;
      total.failures.push({ name: `cluster:up failed${env?.unavailable ? `: ${env.unavailable}` : ''}` });
    } else {
      runTests('cluster', testFiles(PHASES.cluster), env, 1);
      if (!alreadyUp && !process.env.PODSCOPE_KEEP_CLUSTER) {
        console.log('\n=== cluster:down ===');
        const status = clusterDown(root);
        if (status !== 0) { total.failed++; total.failures.push({ name: `cluster:down (exit ${status})` }); }
      }
    }
  }
}

if (wants('editor')) {
  if (pkg.scripts?.['setup:editor'] && !step('setup:editor', 'npm', ['run', '--silent', 'setup:editor'])) notes.push('editor: setup failed');
  runTests('editor', testFiles(PHASES.editor), {}, 1);
}

console.log('\n=== summary ===');
for (const n of notes) console.log(`note: ${n}`);
for (const s of total.skips) console.log(`skipped: ${s.name}${s.file ? ` (${relative(root, s.file)})` : ''}${s.reason ? `: ${s.reason}` : ''}`);
for (const f of total.failures) console.log(`failed: ${f.name}${f.file ? ` (${relative(root, f.file)})` : ''}`);
console.log(`podscope: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
