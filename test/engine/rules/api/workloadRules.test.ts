import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, y } from '../../helpers';
import { cronJob, deployment, documents, template, workload } from '../../../support/manifests';

test('selector-mismatch: a Deployment selector that misses its template labels, with the labels as Go prints them', () => {
  assertOnlyFinding(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {tier: front, app: other}
        spec:
          containers: [{name: a, image: nginx}]
  `, 'selector-mismatch', { path: 'spec.template.metadata.labels', message: 'Invalid value: {"app":"other","tier":"front"}: `selector` does not match template `labels`', at: [8, 6, 8, 12] });
});

test('selector-mismatch: matchExpressions, empty selectors, DaemonSets without labels', () => {
  const text = y`
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata: {name: rs}
    spec:
      selector:
        matchLabels: {app: rs}
        matchExpressions: [{key: tier, operator: NotIn, values: [db]}, {key: track, operator: Exists}]
      template:
        metadata: {labels: {app: rs, tier: web, track: stable}}
        spec: {containers: [{name: a, image: nginx}]}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: s}
    spec:
      serviceName: s
      selector: {}
      template:
        metadata: {labels: {app: s}}
        spec: {containers: [{name: a, image: nginx}]}
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: ds}
    spec:
      selector: {matchExpressions: [{key: app, operator: In, values: [a, b]}]}
      template:
        metadata: {}
        spec: {containers: [{name: a, image: nginx}]}
  `;
  const fs = byCode(text, 'selector-mismatch');
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message]), [
    [1, 'spec.selector', 'Invalid value: {}: empty selector is invalid for statefulset'],
    [2, 'spec.template.metadata.labels', 'Invalid value: null: `selector` does not match template `labels`'],
  ]);
});

test('selector-mismatch: Jobs (generated and manual selectors), CronJob job templates, ReplicationControllers', () => {
  const text = y`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      selector: {matchLabels: {app: j}}
      template:
        metadata: {labels: {app: j}}
        spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}
    ---
    apiVersion: batch/v1
    kind: Job
    metadata: {name: m}
    spec:
      manualSelector: true
      selector: {matchLabels: {app: m}}
      template:
        metadata: {labels: {app: other}}
        spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: c}
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          selector: {matchLabels: {a: b}}
          template:
            spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}
    ---
    apiVersion: v1
    kind: ReplicationController
    metadata: {name: rc}
    spec:
      selector: {app: other}
      template:
        metadata: {labels: {app: rc}}
        spec: {containers: [{name: a, image: nginx}]}
    ---
    apiVersion: batch/v1
    kind: Job
    metadata: {name: plain}
    spec:
      template:
        spec: {restartPolicy: Never, containers: [{name: a, image: busybox}]}
  `;
  const fs = byCode(text, 'selector-mismatch');
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message]), [
    [0, 'spec.selector', 'Invalid value: {"matchLabels":{"app":"j"}}: `selector` not auto-generated'],
    [1, 'spec.template.metadata.labels', 'Invalid value: {"app":"other"}: `selector` does not match template `labels`'],
    [2, 'spec.jobTemplate.spec.selector', 'Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated'],
    [3, 'spec.template.metadata.labels', 'Invalid value: {"app":"rc"}: `selector` does not match template `labels`'],
  ]);
});

test('template-restart-policy: Always for Deployments and RCs, OnFailure/Never for Jobs, Never with podFailurePolicy', () => {
  const text = documents(deployment`
    restartPolicy: OnFailure
    containers: [{name: a, image: nginx}]
  `, cronJob('c', '@daily')`
    containers: [{name: a, image: busybox}]
  `, y`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      podFailurePolicy: {rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]}
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: a, image: busybox}]
  `, workload('Deployment', 'e')`
    restartPolicy: sometimes
    containers: [{name: a, image: nginx}]
  `);
  const fs = byCode(text, 'template-restart-policy');
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message]), [
    [0, 'spec.template.spec.restartPolicy', 'Unsupported value: "OnFailure": supported values: "Always"'],
    [1, 'spec.jobTemplate.spec.template.spec.restartPolicy', 'Required value: valid values: "OnFailure", "Never"'],
    [2, 'spec.template.spec.restartPolicy', 'Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified'],
  ], 'an unknown value is value-not-supported\'s to report');
  assertFinding(fs[0], { at: [8, 21, 8, 30] });
  assert.equal(fs[0]!.fixes?.[0]?.edits[0]?.newText, 'Always');
  assertFinding(fs[1], { at: [19, 8, 19, 12] });
});

test('template-active-deadline-forbidden: controllers that keep pods running reject activeDeadlineSeconds', () => {
  assertOnlyFinding(documents(deployment`
    activeDeadlineSeconds: 60
    containers: [{name: a, image: nginx}]
  `, template('Job', 'j')`
    restartPolicy: Never
    activeDeadlineSeconds: 60
    containers: [{name: a, image: busybox}]
  `), 'template-active-deadline-forbidden', { document: 0, path: 'spec.template.spec.activeDeadlineSeconds', message: 'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported', at: [8, 6, 8, 27] });
});
