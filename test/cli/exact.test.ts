// `podscope lint` with the API server's own validation: the version chosen by flag, the flags that
// turn it off, and a version that is not bundled. Needs the modules `npm run build` builds (Go).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { findModules, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { runCli, workspace } from './cliHarness';

const minors = new Set(findModules(moduleDirs(REPO_DIST)).map((m) => m.minor));
const need = (...m: string[]) => (m.every((x) => minors.has(x)) ? false : `needs the ${m.join(', ')} modules (npm run build, with Go)`);

const toleration = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  tolerations: [{key: k, operator: Exists, value: v}]
  containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: 100m, memory: 64Mi}}}]
`;
// emptyDir.mode is alpha in 1.37 (dropped while its gate is off); 1.36 has no such field.
const emptyDirMode = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: 100m, memory: 64Mi}}}]
  volumes: [{name: v, emptyDir: {mode: 448}}]
`;

test('lint reports the API server\'s error at its field; --no-exact leaves the engine alone', { skip: need('1.36') }, () => {
  const dir = workspace({ 'pod.yaml': toleration });
  const on = runCli(['lint', '--kubernetes-version', '1.36', join(dir, 'pod.yaml')], { exact: true });
  assert.equal(on.code, 1, on.stderr);
  assert.match(on.stdout, /pod\.yaml:5:51: error api-invalid spec\.tolerations\[0\]\.operator: Invalid value: "v": value must be empty when `operator` is 'Exists'/);
  const off = runCli(['lint', '--no-exact', join(dir, 'pod.yaml')], { exact: true });
  assert.doesNotMatch(off.stdout, /api-invalid/);
});

test('the chosen version decides: 1.36 rejects a field 1.37 knows', { skip: need('1.36', '1.37') }, () => {
  const dir = workspace({ 'pod.yaml': emptyDirMode });
  const v136 = runCli(['lint', '--format', 'json', '--kubernetes-version', '1.36', join(dir, 'pod.yaml')], { exact: true });
  const v137 = runCli(['lint', '--format', 'json', '--kubernetes-version', '1.37', join(dir, 'pod.yaml')], { exact: true });
  const codes = (r: { stdout: string }) => (JSON.parse(r.stdout) as { diagnostics: { code: string; path: string }[] }).diagnostics.map((d) => `${d.code} ${d.path}`);
  assert.ok(codes(v136).includes('api-unknown-field spec.volumes[0].emptyDir.mode'), v136.stdout);
  assert.ok(!codes(v137).some((c) => c.startsWith('api-')), v137.stdout);
  assert.equal(v137.code, 0);
});

test('a version that is not bundled is a usage error naming what is', () => {
  const dir = workspace({ 'pod.yaml': toleration });
  const r = runCli(['lint', '--kubernetes-version', '1.20', join(dir, 'pod.yaml')], { exact: true });
  assert.equal(r.code, 2);
  assert.match(r.stderr, minors.size ? /--kubernetes-version: podscope\.kubernetesVersion is 1\.20, but only .* are bundled/ : /no exact-validation modules/);
});

test('malformed --kubernetes-version and --feature-gates are usage errors', () => {
  const bad = runCli(['lint', '--kubernetes-version', 'latest', 'x.yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--kubernetes-version must be auto or a version such as 1\.36, got "latest"/);
  const gates = runCli(['lint', '--feature-gates', 'A=yes', 'x.yaml']);
  assert.equal(gates.code, 2);
  assert.match(gates.stderr, /--feature-gates takes Name=true\|false pairs separated by commas, got "A=yes"/);
});
