// `podscope lint --kubernetes-version` picks the schema as well as the exact module: here with exact
// validation off, so the engine's schema alone decides (test/cli/exact.test.ts runs the modules).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCHEDULING_GROUP, schedulingGroupPod } from '../support/versionedFields';
import { runCli, workspace } from './cliHarness';

const dir = workspace({ 'pod.yaml': schedulingGroupPod });
const lint = (...flags: string[]) => runCli(['lint', '--format', 'json', ...flags, join(dir, 'pod.yaml')]);
const unknown = (r: { stdout: string }) =>
  (JSON.parse(r.stdout) as { diagnostics: { code: string; path: string; message: string }[] }).diagnostics.filter((d) => d.code === 'unknown-field');

test('--kubernetes-version 1.35: a field 1.36 added is an unknown field naming the versions that have it', () => {
  const r = lint('--kubernetes-version', SCHEDULING_GROUP.without);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(unknown(r).map((d) => [d.path, d.message]), [[
    SCHEDULING_GROUP.path, `unknown field "${SCHEDULING_GROUP.path}" (not in the Kubernetes 1.35 schema; 1.36, 1.37 have it)`,
  ]]);
});

test('--kubernetes-version 1.36, and no flag at all (auto, no module: 1.36), accept it', () => {
  for (const flags of [['--kubernetes-version', SCHEDULING_GROUP.with], ['--kubernetes-version', 'v1.36.1'], []]) {
    const r = lint(...flags);
    assert.deepEqual(unknown(r), [], flags.join(' '));
    assert.equal(r.code, 0, `${flags.join(' ')}: ${r.stdout}`);
  }
});

test('--no-exact with a version that has no bundled schema is a usage error naming the bundled ones', () => {
  const r = runCli(['lint', '--no-exact', '--kubernetes-version', '1.30', join(dir, 'pod.yaml')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--kubernetes-version: no schema for 1\.30 is bundled \(bundled: 1\.37, 1\.36, 1\.35, 1\.34\)/);
});

test('the version reaches the lint workers too (--jobs 2 over 96 files: two workers)', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 96; i++) files[`p${i}.yaml`] = schedulingGroupPod;
  const many = workspace(files);
  const r = runCli(['lint', '--format', 'json', '--jobs', '2', '--kubernetes-version', SCHEDULING_GROUP.without, many]);
  assert.equal(unknown(r).length, 96, r.stderr);
});
