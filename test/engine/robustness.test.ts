// Regressions for the inputs in ../shared/repro (fuzzing, 2026-12), self-contained so they run on a
// fresh clone; each test names the repro file it stands for. The rule behind each case is tested
// too, not just the case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invariantViolations, MAX_NESTING } from '../../server/src/engine';
import { byCode, lint, y } from './helpers';

const POD_HEAD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources: {limits: {cpu: 1, memory: 1Gi}}\n';

function nestingErrors(text: string) {
  return lint(text).filter((f) => f.code === 'yaml-syntax' && f.message.startsWith(`nesting deeper than ${MAX_NESTING} levels`));
}

test('parser-stack-overflow.yaml: 3,000 nested block sequences give one clear error instead of a stack overflow', () => {
  const text = `${'- '.repeat(3000)}x\nb: 1\n`;
  const fs = lint(text);
  assert.equal(nestingErrors(text).length, 1, JSON.stringify(fs));
  assert.deepEqual(fs.map((f) => f.code), ['yaml-syntax']);
  assert.equal(fs[0]!.range.start.line, 0);
});

test('nondeterministic-deep-nesting.yaml: deep flow nesting is refused the same way every time, whatever the stack left', () => {
  const text = `${POD_HEAD}    args: ${'['.repeat(900)}x${']'.repeat(900)}\n`;
  const first = JSON.stringify(lint(text));
  assert.equal(nestingErrors(text).length, 1);
  // The same check from deep inside a recursion must not change the answer.
  const deep = (n: number): string => (n === 0 ? JSON.stringify(lint(text)) : deep(n - 1));
  assert.equal(deep(2000), first);
  assert.equal(JSON.stringify(lint(text)), first);
});

test('the nesting limit counts flow maps, flow sequences and block levels, and ignores brackets inside quotes, comments and block scalars', () => {
  const atLimit = (open: string, close: string, n: number) => `${POD_HEAD}    args: ${open.repeat(n)}x${close.repeat(n)}\n`;
  assert.equal(nestingErrors(atLimit('{a: ', '}', MAX_NESTING + 10)).length, 1);
  assert.equal(nestingErrors(atLimit('[', ']', 200)).length, 0);
  const harmless = `${POD_HEAD}    args: ["${'['.repeat(5000)}", '${'{'.repeat(5000)}']\n    # ${'['.repeat(5000)}\n    command:\n    - |\n      ${'['.repeat(5000)}\n`;
  assert.deepEqual(nestingErrors(harmless), []);
});

test('deep-nesting-false-alias-bomb.yaml and big-document-false-alias-bomb.yaml: documents without aliases are never alias bombs', () => {
  const big = `${POD_HEAD}    imagePullPolicy: Sometimes\n    args: [${Array(150_000).fill('a').join(',')}]\n`;
  assert.deepEqual(byCode(big, 'yaml-alias-bomb'), []);
  assert.equal(byCode(big, 'value-not-supported').length, 1, 'the large document is checked');
  const deep = `${POD_HEAD}    imagePullPolicy: Sometimes\n  nodeSelector: ${'{a: '.repeat(200)}x${'}'.repeat(200)}\n`;
  assert.deepEqual(byCode(deep, 'yaml-alias-bomb'), []);
  assert.equal(byCode(deep, 'value-not-supported').length, 1, 'the deep document is checked');
});

test('an alias bomb is still refused: the count follows aliases, at the alias that passes the limit', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= 6; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${lines.map((l) => `    ${l}`).join('\n')}\nspec: {containers: [{name: c, image: x}]}\n`;
  const started = Date.now();
  const fs = byCode(text, 'yaml-alias-bomb');
  assert.ok(Date.now() - started < 5000);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.range.start.line, 9, 'at an alias of a5, where the expansion passes 100,000 nodes');
});

test('undefined-alias.yaml: an alias to no anchor is a yaml-syntax error at the alias, and no rule fails on it', () => {
  const text = y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      selector:
        matchLabels: *nope
      template:
        metadata: {labels: {app: x}}
        spec:
          nodeSelector: *missing
          containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: 1, memory: 1Gi}}}]
  `;
  const fs = lint(text);
  assert.deepEqual(byCode(text, 'internal-error'), []);
  const syntax = fs.filter((f) => f.code === 'yaml-syntax');
  assert.deepEqual(syntax.map((f) => [f.message, f.range.start.line, f.range.start.character]), [
    ["unknown anchor 'nope' referenced", 5, 17],
    ["unknown anchor 'missing' referenced", 9, 20],
  ]);
});

test('merge-key-false-errors.yaml: << merge keys are merged as kubectl merges them before rules run', () => {
  const text = y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: merged
      labels:
        <<: {app: web}
    spec:
      containers:
      - <<: {name: app, image: nginx:1.27}
        resources: {limits: {cpu: 1, memory: 1Gi}}
  `;
  assert.deepEqual(lint(text), []);
});

test('merge keys follow go-yaml v2: earlier maps of a list win, a later explicit key overrides, a quoted "<<" is a plain key', () => {
  const base = (containerLines: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx-base: &b {name: base, image: "nginx:1.27", imagePullPolicy: Sometimes}\nx-other: &o {name: other, image: "nginx:1.27", imagePullPolicy: Always}\nspec:\n  containers:\n  - ${containerLines}\n    resources: {limits: {cpu: 1, memory: 1Gi}}\n`;
  // The first map of a merge list wins: imagePullPolicy Sometimes comes from *b.
  assert.deepEqual(byCode(base('<<: [*b, *o]'), 'value-not-supported').map((f) => f.path), ['spec.containers[0].imagePullPolicy']);
  assert.deepEqual(byCode(base('<<: [*o, *b]'), 'value-not-supported'), []);
  // A later explicit key overrides the merged one.
  assert.deepEqual(byCode(base('<<: *b\n    imagePullPolicy: Never'), 'value-not-supported'), []);
  // Merging something that is not a map is an error at the value.
  const bad = byCode(base('<<: [1, 2]\n    name: c\n    image: x'), 'yaml-syntax');
  assert.deepEqual(bad.map((f) => f.message), ['map merge requires map or sequence of maps as the value']);
  // A quoted "<<" is an ordinary (unknown) key.
  assert.deepEqual(byCode(base('"<<": {name: c}\n    name: c\n    image: x'), 'unknown-field').map((f) => f.path).filter((p) => p.startsWith('spec')), ['spec.containers[0].<<']);
});

test('an anchor inside a merged << value still resolves for every rule (found by the fuzzer, seed 8 document 26528)', () => {
  const text = y`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
      labels:
        <<: &l {app: web}
    spec:
      selector:
        matchLabels: *l
      template:
        metadata:
          labels: *l
        spec: {containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: 1, memory: 1Gi}}}]}
  `;
  assert.deepEqual(lint(text), []);
  assert.equal(byCode(text.replace('labels: *l', 'labels: {app: db}'), 'selector-mismatch').length, 1);
});

test('complex-key-ignored.yaml: a mapping used as a key is an error there, as kubectl cannot decode it', () => {
  const text = `${POD_HEAD}    ? {a: 1}\n    : b\n`;
  const fs = byCode(text, 'yaml-syntax');
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /^invalid map key: a mapping cannot be a key/);
  assert.deepEqual([fs[0]!.range.start.line, fs[0]!.range.start.character], [8, 6]);
  assert.equal(byCode(`${POD_HEAD}    ? [a, b]\n    : c\n`, 'yaml-syntax').length, 1, 'a sequence key too');
});

test('selector-object-message.yaml and port-undefined-message.yaml: no [object Object], undefined or NaN in messages', () => {
  const selector = y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: [{x: 1}, {y: 2}]}
        spec: {containers: [{name: c, image: nginx:1.27, resources: {limits: {cpu: 1, memory: 1Gi}}}]}
  `;
  const ports = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: nginx:1.27, ports: [{name: web}], resources: {limits: {cpu: 1, memory: 1Gi}}}\n  - {name: b, image: nginx:1.27, ports: [{name: web}], resources: {limits: {cpu: 1, memory: 1Gi}}}\n`;
  const nan = `${POD_HEAD}    ports: [{containerPort: .nan, hostPort: .inf}]\n  terminationGracePeriodSeconds: -.inf\n`;
  // Found by the fuzzer: `.nan` as a key printed "unknown field spec.containers[0].NaN".
  const nanKey = `${POD_HEAD}    .nan: 1\n`;
  assert.deepEqual(byCode(nanKey, 'unknown-field').map((f) => f.path), ['spec.containers[0]..nan']);
  for (const text of [selector, ports, nan, nanKey]) {
    const fs = lint(text);
    assert.ok(fs.length > 0);
    assert.deepEqual(invariantViolations(text, fs), []);
  }
  assert.equal(byCode(ports, 'port-name-duplicate').length, 1);
});

test('range-past-end.yaml: every range lies inside the document, even for an unterminated quote at the end', () => {
  for (const text of ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a;', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a;\n#\ni\n}\n', 'apiVersion: v1\nkind: Pod\nmetadata: {name: \'x']) {
    const fs = lint(text);
    assert.ok(fs.length > 0);
    assert.deepEqual(invariantViolations(text, fs), [], JSON.stringify(fs));
  }
});

test('linecounter-shift.yaml: after junk lines and ---, the finding is on the line of the name (as the language server says)', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a;\n#\ni\n}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources: {limits: {cpu: 1, memory: 1Gi}}\n';
  const f = byCode(text, 'object-name-invalid').find((x) => x.document === 1);
  assert.deepEqual([f?.range.start.line, f?.range.start.character], [11, 8]);
});

test('port-conflict-quadratic.yaml: 2,000 containers on one port give one finding per container, in linear work', () => {
  const containers = Array.from({ length: 2000 }, (_, i) => `  - {name: c${i}, image: nginx, ports: [{containerPort: 80}, {containerPort: 443}]}\n`).join('');
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}`;
  const fs = byCode(text, 'container-port-conflict');
  assert.equal(fs.length, 1999);
  assert.equal(new Set(fs.map((f) => f.path.replace(/\.ports.*/, ''))).size, 1999, 'one per container');
  assert.match(fs[0]!.message, /^port 80\/TCP is also declared by container "c0"/);
  assert.ok(lint(text).length < 3 * 2000, 'no rule reports per pair');
});

test('long-unknown-key.yaml: did-you-mean does no edit distance over a 100 KB key', () => {
  const key = 'a'.repeat(100_000);
  const started = process.hrtime.bigint();
  const fs = byCode(`${POD_HEAD}    ${key}: 1\n`, 'unknown-field');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(fs.length, 1);
  assert.doesNotMatch(fs[0]!.message, /did you mean/i);
  // Generous: the old code took seconds; this is about the algorithm, not the machine.
  assert.ok(ms < 2000, `${ms} ms`);
});
