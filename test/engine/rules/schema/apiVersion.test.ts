import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOneFix, assertOnlyFinding, byCode, y } from '../../helpers';

test('api-version: a removed beta apiVersion is an error at the value with a fix to the served one', () => {
  const f = assertOnlyFinding(y`
    apiVersion: batch/v1beta1
    kind: CronJob
    metadata: {name: c}
    spec:
      schedule: "*/5 * * * *"
      jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: x}]}}}}
  `, 'api-version', {
    path: 'apiVersion', severity: 'error', at: [0, 12, 0, 25],
    message: 'no matches for kind "CronJob" in version "batch/v1beta1" (Kubernetes 1.36 serves CronJob as batch/v1)',
  });
  assertOneFix(f, 'Change apiVersion to batch/v1', [0, 12, 0, 25], 'batch/v1');
});

test('api-version: every document of a file is checked on its own', () => {
  const fs = byCode(y`
    apiVersion: extensions/v1beta1
    kind: Deployment
    metadata: {name: d}
    spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: x}]}}}
    ---
    apiVersion: v1
    kind: DaemonSet
    metadata: {name: ds}
    spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: x}]}}}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: s}
    spec: {selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: x}]}}}
  `, 'api-version');
  assert.deepEqual(fs.map((f) => [f.document, f.message, f.fixes?.[0]?.edits[0]?.newText]), [
    [0, 'no matches for kind "Deployment" in version "extensions/v1beta1" (Kubernetes 1.36 serves Deployment as apps/v1)', 'apps/v1'],
    [1, 'no matches for kind "DaemonSet" in version "v1" (Kubernetes 1.36 serves DaemonSet as apps/v1)', 'apps/v1'],
  ]);
});

test('api-version: the served apiVersion of every checked kind passes', () => {
  const kinds: [string, string][] = [
    ['v1', 'Pod'], ['v1', 'PodTemplate'], ['v1', 'ReplicationController'], ['apps/v1', 'Deployment'], ['apps/v1', 'StatefulSet'],
    ['apps/v1', 'DaemonSet'], ['apps/v1', 'ReplicaSet'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'],
  ];
  const text = kinds.map(([v, k]) => `apiVersion: ${v}\nkind: ${k}\nmetadata: {name: x}\n`).join('---\n');
  assert.deepEqual(byCode(text, 'api-version'), []);
});
