// The built module answers as kube-apiserver does: its field paths, its words, its warnings.
// Needs a module built by `npm run build` (Go); without one the test says so and skips.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parseFile } from '../../server/src/engine';
import { findModules, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { exactTargets, targetFindings } from '../../server/src/exact/targets';
import { WasmValidator } from '../../server/src/exact/wasmModule';
import { wasmApi } from '../../server/src/exact/webAssembly';

const module = findModules(moduleDirs(REPO_DIST)).find((m) => m.minor === '1.36');
const skip = module ? false : 'no v1.36 exact module built (npm run build builds it when Go is installed)';
let validator: WasmValidator | undefined;
const v = () => (validator ??= WasmValidator.load(module!.file));

function findings(text: string) {
  const file = parseFile(text);
  const targets = exactTargets(file);
  return targetFindings(file, targets, targets.map((t) => v().validate(t.object))).map((f) => ({
    code: f.code, path: f.path, message: f.message, at: text.split('\n')[f.range.start.line]!.slice(f.range.start.character, f.range.end.character),
  }));
}

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

test('a toleration with operator Exists and a value: the API server\'s message at the value', { skip }, () => {
  assert.deepEqual(findings(pod('  tolerations:\n  - key: k\n    operator: Exists\n    value: v\n  containers:\n  - name: c\n    image: nginx\n')), [{
    code: 'api-invalid', path: 'spec.tolerations[0].operator',
    message: 'Invalid value: "v": value must be empty when `operator` is \'Exists\'', at: 'v',
  }]);
});

test('an error that quotes a sibling it is not about stays at its own path', { skip }, () => {
  const env = '    env:\n    - name: A\n      valueFrom:\n        resourceFieldRef: {resource: limits.cpu, divisor: 2}\n';
  assert.deepEqual(findings(pod(`  containers:\n  - name: c\n    image: nginx\n${env}`)), [{
    code: 'api-invalid', path: 'spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor',
    message: 'Invalid value: "limits.cpu": only divisor\'s values 1m and 1 are supported with the cpu resource', at: '2',
  }]);
});

test('workload specs: Deployment strategy, CronJob schedule, Job backoffLimit', { skip }, () => {
  const tpl = 'template:\n      metadata: {labels: {a: b}}\n      spec:\n        restartPolicy: Never\n        containers: [{name: c, image: x}]';
  const got = findings(`apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {a: b}}
  strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers: [{name: c, image: x}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "61 * * * *"
  jobTemplate:
    spec:
      ${tpl.replace(/\n/g, '\n  ')}
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  backoffLimit: -1
  ${tpl}
`);
  assert.deepEqual(got.map((f) => [f.path, f.at]), [
    ['spec.strategy.rollingUpdate', 'rollingUpdate'],
    ['spec.schedule', '"61 * * * *"'],
    ['spec.backoffLimit', '-1'],
  ]);
  assert.match(got[1]!.message, /^Invalid value: "61 \* \* \* \*": /);
});

test('strict decoding: an unknown field, by its name', { skip }, () => {
  assert.deepEqual(findings(pod('  containers:\n  - name: c\n    image: x\n    imagePullPolcy: Always\n')), [{
    code: 'api-unknown-field', path: 'spec.containers[0].imagePullPolcy',
    message: 'Unknown field (strict decoding error: unknown field "spec.containers[0].imagePullPolcy")', at: 'imagePullPolcy',
  }]);
});

test('decode errors: a malformed quantity and a string port, found in the source', { skip }, () => {
  const q = findings(pod('  containers:\n  - name: c\n    image: x\n    resources:\n      limits: {cpu: "1", memory: 1Gx}\n'));
  assert.deepEqual(q.map((f) => [f.code, f.path, f.at]), [['api-decode', 'spec.containers[0].resources.limits[memory]', '1Gx']]);
  const port = findings(pod('  containers:\n  - name: c\n    image: x\n    ports:\n    - containerPort: 80\n    - containerPort: "81"\n'));
  assert.deepEqual(port.map((f) => [f.code, f.path, f.at]), [['api-decode', 'spec.containers[0].ports[1].containerPort', '"81"']]);
});

test('warnings of an accepted object, after defaulting, at their field (or its nearest parent)', { skip }, () => {
  // Requests default to limits, so the API server warns about both; requests is not in the source.
  const got = findings(pod('  containers:\n  - name: c\n    image: x\n    resources:\n      limits:\n        memory: "1.5"\n'));
  assert.deepEqual(got.map((f) => [f.code, f.path, f.at]), [
    ['api-warning', 'spec.containers[0].resources.limits[memory]', '"1.5"'],
    ['api-warning', 'spec.containers[0].resources.requests[memory]', 'resources'],
  ]);
  assert.equal(got[0]!.message, 'fractional byte value "1500m" is invalid, must be an integer');
});

test('YAML 1.1 as kubectl reads it: `value: yes` is a boolean the API server cannot decode', { skip }, () => {
  const got = findings(pod('  containers:\n  - name: c\n    image: x\n    env:\n    - name: A\n      value: yes\n'));
  assert.deepEqual(got.map((f) => [f.code, f.path, f.at]), [['api-decode', 'spec.containers[0].env[0].value', 'yes']]);
});

test('kinds the module does not validate, templated and broken documents are not sent', { skip }, () => {
  const file = parseFile('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: "{{ .x }}"}\n---\napiVersion: v1\nkind: Pod\nspec: [\n');
  assert.deepEqual(exactTargets(file), []);
});

test('warnings the create path records on the request (a Pod\'s AppArmor annotation) come back too', { skip }, () => {
  const got = findings(`apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/web: runtime/default
spec:
  containers: [{name: web, image: x}]
`);
  assert.deepEqual(got.map((f) => [f.code, f.path, f.message, f.at]), [[
    'api-warning', 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]',
    'deprecated since v1.30; use the "appArmorProfile" field instead', 'runtime/default',
  ]]);
});

test('CronJob time zones resolve against the tz database built into the module', { skip }, () => {
  const cron = (tz: string) => findings(`apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  timeZone: ${tz}
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: x}]}}}}
`);
  assert.deepEqual(cron('Europe/Berlin'), []);
  assert.deepEqual(cron('Mars/Olympus').map((f) => [f.path, f.message]), [['spec.timeZone', 'Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']]);
});

test('every bundled module is pre-initialised at build time: no _initialize left to run at start', { skip }, () => {
  for (const m of findModules(moduleDirs(REPO_DIST))) {
    const exports = wasmApi.Module.exports(new wasmApi.Module(gunzipSync(readFileSync(m.file)))).map((e) => e.name);
    assert.ok(exports.includes('exact_validate'), `${m.version}: ${exports.join(', ')}`);
    assert.ok(!exports.includes('_initialize'), `${m.version} still exports _initialize`);
  }
});
