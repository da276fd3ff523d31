import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings, assertOneFix, assertOnlyFinding, byCode, y } from '../../helpers';
import { cronJob, deployment, documents, pod } from '../../../support/manifests';

test('unknown-field: misspelt container field is an error at the key, worded as strict decoding, with a rename fix', () => {
  const f = assertOnlyFinding(pod`
    containers:
    - name: app
      image: nginx:1.27
      imagePulPolicy: Always
  `, 'unknown-field', {
    path: 'spec.containers[0].imagePulPolicy', severity: 'error', at: [7, 4, 7, 18],
    message: 'unknown field "spec.containers[0].imagePulPolicy" (did you mean "imagePullPolicy"?)',
  });
  assertOneFix(f, 'Change to "imagePullPolicy"', [7, 4, 7, 18], 'imagePullPolicy');
});

test('unknown-field: swapped letters (contianers) suggest containers, and the missing containers is not reported twice', () => {
  const text = pod`
    contianers:
    - {name: app, image: nginx}
  `;
  const f = assertOnlyFinding(text, 'unknown-field', { path: 'spec.contianers', message: 'unknown field "spec.contianers" (did you mean "containers"?)', at: [4, 2, 4, 12] });
  assert.equal(f.fixes?.[0]?.edits[0]?.newText, 'containers');
  assert.deepEqual(byCode(text, 'required-field'), []);
});

test('unknown-field: a key that differs only in case (ContainerPort) suggests the exact field', () => {
  const f = assertOnlyFinding(pod`
    containers:
    - name: app
      image: nginx
      ports:
      - ContainerPort: 80
  `, 'unknown-field', { path: 'spec.containers[0].ports[0].ContainerPort', message: 'unknown field "spec.containers[0].ports[0].ContainerPort" (did you mean "containerPort"?)', at: [8, 6, 8, 19] });
  assert.equal(f.fixes?.[0]?.edits[0]?.newText, 'containerPort');
});

test('unknown-field: no rename fix when the suggested field is already there', () => {
  const fs = byCode(pod`
    containers: [{name: a, image: x}]
    contianers: []
  `, 'unknown-field');
  assert.equal(fs.length, 1);
  assert.match(fs[0]!.message, /did you mean "containers"/);
  assert.equal(fs[0]!.fixes, undefined);
});

test('unknown-field: a key far from every field gets no suggestion', () => {
  const f = assertOnlyFinding(pod`
    containers: [{name: a, image: x, flavour: vanilla}]
  `, 'unknown-field', { path: 'spec.containers[0].flavour', message: 'unknown field "spec.containers[0].flavour"', at: [4, 35, 4, 42] });
  assert.equal(f.fixes, undefined);
});

test('unknown-field: Deployment and CronJob templates are walked from the root with full paths', () => {
  const text = documents(deployment`
    containers: [{name: a, image: x, imagePulPolicy: Always}]
  `, cronJob('c', '* * * * *')`
    restartPolicy: Never
    containers:
    - name: a
      image: x
      volumeMount: []
  `);
  assertFindings(text, 'unknown-field', [
    { document: 0, path: 'spec.template.spec.containers[0].imagePulPolicy', at: [8, 39, 8, 53] },
    {
      document: 1,
      path: 'spec.jobTemplate.spec.template.spec.containers[0].volumeMount',
      message: 'unknown field "spec.jobTemplate.spec.template.spec.containers[0].volumeMount" (did you mean "volumeMounts"?)',
      at: [23, 12, 23, 23],
    },
  ]);
});

test('unknown-field: misplaced fields (containers under template metadata) and unknown top-level keys', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      selector: {matchLabels: {app: d}}
      template:
        metadata:
          labels: {app: d}
          containers: []
    x-defaults: {}
  `, 'unknown-field');
  assert.deepEqual(fs.map((f) => f.path), ['spec.template.metadata.containers', 'x-defaults']);
});

test('unknown-field: keys merged in with << are checked, explicit keys override merged ones', () => {
  assertOnlyFinding(pod`
    containers:
    - &base {name: a, image: x, imagePullPolicy: Always}
    - <<: *base
      name: b
    - <<: [{name: c, image: x, colour: red}]
  `, 'unknown-field', { path: 'spec.containers[2].colour', at: [8, 29, 8, 35] });
});

test('unknown-field: a valid Pod with every common section has none', () => {
  assert.deepEqual(byCode(y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      labels: {app: web}
      annotations: {note: "x"}
      creationTimestamp: null
    spec:
      restartPolicy: Always
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      initContainers:
      - name: init
        image: busybox
        restartPolicy: Always
      containers:
      - name: app
        image: nginx:1.27
        ports: [{containerPort: 80, name: http, protocol: TCP}]
        env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
        resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 0.1}}
        livenessProbe: {httpGet: {path: /, port: http}, initialDelaySeconds: 3}
        volumeMounts: [{name: data, mountPath: /data}]
      volumes:
      - name: data
        emptyDir: {sizeLimit: 1Gi}
      tolerations: [{key: k, operator: Exists, effect: NoSchedule}]
    status: {}
  `, 'unknown-field'), []);
});

test('unknown-field: a map that merges itself through an alias cycle is checked without looping', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: &m
      name: p
      nmae: q
      <<: *m
    spec:
      containers: [{name: a, image: x}]
  `, 'unknown-field');
  assert.deepEqual(fs.map((f) => f.path), ['metadata.nmae']);
});
