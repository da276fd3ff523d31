import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiRules } from '../../../../server/src/engine/rules/api';
import { lint, y } from '../../helpers';

test('api rules: stable kebab-case codes, error severity, one-line descriptions ending in a period, https docs', () => {
  assert.ok(apiRules.length >= 30, `expected the full family, got ${apiRules.length}`);
  for (const r of apiRules) {
    assert.match(r.code, /^[a-z]+(-[a-z0-9]+)*$/, r.code);
    assert.equal(r.severity, 'error', r.code);
    assert.equal(r.category, 'api', r.code);
    assert.match(r.description, /^[A-Za-z][^\n]*\.$/, `${r.code}: ${r.description}`);
    assert.match(r.docUrl, /^https:\/\//, r.code);
  }
  assert.equal(new Set(apiRules.map((r) => r.code)).size, apiRules.length, 'codes are unique');
});

test('api rules: fields of the wrong YAML type are left to the schema rules (no guesses, no crashes)', () => {
  const fs = lint(y`
    apiVersion: v1
    kind: Pod
    metadata: [not, a, map]
    spec:
      containers: {name: a}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: 5, labels: [x], annotations: {a: [1]}}
    spec:
      restartPolicy: 7
      os: []
      containers:
      - name: [x]
        image: {a: b}
        ports: "80"
        env: {a: b}
        envFrom: [1, [2], {configMapRef: []}]
        resources: {limits: [1, 2], requests: {cpu: [1], memory: {a: b}}}
        volumeMounts: [{name: 1, mountPath: [2], subPath: 3}]
        livenessProbe: [1]
        readinessProbe: {httpGet: [], exec: ls}
        lifecycle: {preStop: [], postStart: {sleep: {seconds: x}}}
        restartPolicyRules: {a: b}
      - null
      - 42
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      selector: {matchLabels: [1], matchExpressions: {a: b}}
      template: [1]
    ---
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      manualSelector: "yes"
      template: {metadata: {labels: null}, spec: {restartPolicy: [], containers: []}}
  `);
  const api = new Set(apiRules.map((r) => r.code));
  assert.deepEqual(fs.filter((f) => api.has(f.code) || f.code === 'internal-error').map((f) => `${f.code} ${f.path}: ${f.message}`), []);
});
