import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { workersFor } from '../../server/src/cli/lintPool';
import { runCli, workspace } from './cliHarness';
import { CLEAN } from './fixtures';

test('workers start only when each gets 48 files or more, never more than --jobs allows', () => {
  assert.equal(workersFor(47, 4), 0);
  assert.equal(workersFor(96, 4), 2);
  // The golden test's --jobs 2 run (651+ files) must really use two workers, or it would compare the single thread with itself.
  assert.equal(workersFor(651, 2), 2);
  assert.equal(workersFor(100_000, 3), 3);
});

test('--jobs must be a whole number from 1: anything else is a usage error naming the flag', () => {
  const dir = workspace({ 'pod.yaml': CLEAN });
  for (const bad of ['0', 'two', '1.5', '10000']) {
    const r = runCli(['lint', '--jobs', bad, 'pod.yaml'], { cwd: dir });
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--jobs must be a whole number from 1 to 9999/, bad);
  }
  // node's parseArgs refuses a value that looks like an option before we see it; still a usage error.
  const dash = runCli(['lint', '--jobs', '-1', 'pod.yaml'], { cwd: dir });
  assert.equal(dash.code, 2);
  assert.match(dash.stderr, /'--jobs'/);
});

test('with workers the text output and exit status are those of one thread', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 120; i++) files[`m${String(i).padStart(3, '0')}.yaml`] = i % 10 === 3 ? CLEAN.replace('image:', 'imagePolicy:') : CLEAN;
  const dir = workspace(files);
  const one = runCli(['lint', '--jobs', '1', '.'], { cwd: dir });
  const two = runCli(['lint', '--jobs', '2', '.'], { cwd: dir });
  assert.equal(one.code, 1, one.stderr);
  assert.match(one.stdout, /error/);
  assert.deepEqual(two, one);
});

test('with workers, a module that does not compile leaves every file the engine\'s findings, and says why', () => {
  const files: Record<string, string> = { 'modules/v1.36.1/exact.wasm.gz': 'not a module' };
  for (let i = 0; i < 120; i++) files[`m${String(i).padStart(3, '0')}.yaml`] = i % 10 === 3 ? CLEAN.replace('image:', 'imagePolicy:') : CLEAN;
  const dir = workspace(files);
  const env = { PODSCOPE_EXACT_DIR: join(dir, 'modules') };
  const engine = runCli(['lint', '--jobs', '2', '--no-exact', '--kubernetes-version', '1.36', '.'], { cwd: dir, exact: true, env });
  const broken = runCli(['lint', '--jobs', '2', '--kubernetes-version', '1.36', '.'], { cwd: dir, exact: true, env });
  assert.equal(engine.stderr, '');
  assert.match(broken.stderr, /^podscope: exact validation for Kubernetes v1\.36\.1 is unavailable \(cannot start .*exact\.wasm\.gz: .*\); only Podscope's own rules ran\.$/m);
  assert.equal(broken.code, engine.code);
  assert.equal(broken.stdout, engine.stdout);
});
