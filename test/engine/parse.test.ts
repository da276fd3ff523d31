import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, lint, y } from './helpers';
import { podNamed } from '../support/manifests';

const podWith = (extra: string) => y`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
` + extra;

test('every syntax error of a document is reported, not just the first', () => {
  const fs = lint(podWith('    ports: [\n  bad: : :\n')).filter((f) => f.code === 'yaml-syntax');
  assert.ok(fs.length >= 2, `expected several syntax errors, got ${JSON.stringify(fs)}`);
  for (const f of fs) assert.equal(f.path, '');
});

test('duplicate key with a different value is an error at the second key', () => {
  const text = y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
      name: b
    spec:
      containers: [{name: app, image: x}]
  `;
  const fs = lint(text).filter((f) => f.code === 'yaml-duplicate-key');
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { severity: 'error', path: 'metadata.name', at: [4, 2, 4, 6] });
  assert.match(fs[0]!.message, /silently drops the earlier one/);
});

test('duplicate key repeating the same value is only a warning', () => {
  const text = y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      selector: {matchLabels: {app: x}}
      selector: {matchLabels: {app: x}}
      template:
        metadata: {labels: {app: x}}
        spec:
          containers: [{name: app, image: x}]
  `;
  const fs = lint(text).filter((f) => f.code === 'yaml-duplicate-key');
  assert.equal(fs.length, 1);
  assertFinding(fs[0], { severity: 'warning', path: 'spec.selector', at: [5, 2, 5, 10] });
});

test("kubectl-accepted \\' escape is a warning, other bad escapes are errors", () => {
  const ok = lint(podWith(`    env:\n    - {name: A, value: "it\\'s"}\n`));
  assert.deepEqual(ok.filter((f) => f.code === 'yaml-syntax'), []);
  assert.equal(ok.filter((f) => f.code === 'yaml-escape').length, 1);
  const bad = lint(podWith(`    env:\n    - {name: A, value: "\\q"}\n`));
  assert.equal(bad.filter((f) => f.code === 'yaml-syntax').length, 1);
});

test('non-Kubernetes YAML and templates get no diagnostics at all', () => {
  assert.deepEqual(lint('services:\n  web:\n    image: nginx\n    ports: [\n'), []);
  assert.deepEqual(lint('name: ci\non: [push]\njobs: {build: {runs-on: ubuntu}}\n'), []);
  assert.deepEqual(lint('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers: [{{ include "x" . }}]\n'), []);
});

test('an alias bomb is refused with a clear error instead of hanging', () => {
  let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 12; i++) text += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  text += 'spec:\n  containers: [{name: app, image: x}]\n';
  const started = Date.now();
  const fs = lint(text);
  assert.ok(Date.now() - started < 5000, 'must not expand the aliases');
  const bomb = fs.filter((f) => f.code === 'yaml-alias-bomb');
  assert.equal(bomb.length, 1);
});

test('multi-document files: findings carry their document index', () => {
  const text = podWith('') + '---\n' + podNamed('q')`
    containers: [{name: app}]
  `;
  const fs = lint(text).filter((f) => f.code === 'image-required');
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.document, 1);
});
