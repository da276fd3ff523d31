import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertFindings, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

test('required-field: a container without a name is reported at the container map\'s first line', () => {
  assertFindings(pod`
    containers:
    - image: nginx
      ports:
      - name: http
  `, 'required-field', [
    { path: 'spec.containers[0].ports[0].containerPort', severity: 'error', message: 'Required value', at: [7, 6, 7, 16] },
    { path: 'spec.containers[0].name', message: 'Required value', at: [5, 4, 5, 16] },
  ]);
});

test('required-field: image is not required by the schema (the image-required API rule owns it)', () => {
  assert.deepEqual(byCode(pod`
    containers: [{name: app}]
  `, 'required-field'), []);
});

test('required-field: top-level metadata, and a required field given as null, reported at its key', () => {
  assertFindings(y`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
  `, 'required-field', [
    { path: 'spec.containers', at: [3, 2, 3, 12] },
    { path: 'metadata', at: [0, 0, 0, 14] },
  ]);
});

test('required-field: workload selectors, templates and CronJob schedule, with paths from the root', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      replicas: 1
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: c}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: a
                image: x
                env: [{value: "1"}]
  `, 'required-field');
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [
    [0, 'spec.selector'],
    [0, 'spec.template'],
    [1, 'spec.jobTemplate.spec.template.spec.containers[0].env[0].name'],
    [1, 'spec.schedule'],
  ]);
  assertFinding(fs[0], { at: [4, 2, 4, 13] });
  assertFinding(fs[2], { at: [18, 18, 18, 30] });
});

test('required-field: nothing under status is required, since the server ignores status on write', () => {
  assert.deepEqual(byCode(y`
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata: {name: r}
    spec:
      selector: {matchLabels: {app: r}}
      template:
        metadata: {labels: {app: r}}
        spec: {containers: [{name: a, image: x}]}
    status:
      conditions: [{message: m}]
  `, 'required-field'), []);
});

test('required-field: fields the schema marks required but the API server accepts absent are not reported', () => {
  assert.deepEqual(byCode(pod`
    securityContext: {sysctls: [{name: net.core.somaxconn}]}
    containers:
    - name: a
      image: x
      lifecycle: {preStop: {sleep: {}}}
      livenessProbe: {httpGet: {port: 80, httpHeaders: [{name: X-Probe}]}}
  `, 'required-field'), []);
});
