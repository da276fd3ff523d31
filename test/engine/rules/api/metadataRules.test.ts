import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, y } from '../../helpers';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

test('object-name-invalid: Pods take DNS-1123 subdomains; a lower-case fix is offered', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: My.Pod
      namespace: Team_A
    spec:
      containers: [{name: a, image: nginx}]
  `, 'object-name-invalid');
  assert.equal(fs.length, 2);
  assertFinding(fs[0], { path: 'metadata.name', message: `Invalid value: "My.Pod": ${SUBDOMAIN}`, at: [3, 8, 3, 14] });
  assert.equal(fs[0]!.fixes?.[0]?.edits[0]?.newText, 'my.pod');
  assertFinding(fs[1], { path: 'metadata.namespace' });
  assert.match(fs[1]!.message, /^Invalid value: "Team_A": a lowercase RFC 1123 label/);
});

test('object-name-invalid: StatefulSets need labels, CronJobs at most 52 characters, one of name/generateName is required', () => {
  const text = y`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: web.v2}
    spec: {}
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: a-cronjob-name-that-is-longer-than-fifty-two-characters}
    spec: {}
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      labels: {app: x}
    spec: {}
    ---
    apiVersion: v1
    kind: Pod
    metadata: {generateName: web-}
    spec: {}
  `;
  const fs = byCode(text, 'object-name-invalid');
  assert.deepEqual(fs.map((f) => [f.document, f.message]), [
    [0, 'Invalid value: "web.v2": must not contain dots'],
    [1, 'Invalid value: "a-cronjob-name-that-is-longer-than-fifty-two-characters": must be no more than 52 characters'],
    [2, 'Required value: name or generateName is required'],
  ], 'a generateName may end with "-"');
  assertFinding(fs[2], { path: 'metadata.name', at: [12, 0, 12, 8] });
});

test('object-name-invalid: an Indexed Job name must leave room for the pod hostname suffix', () => {
  assertOnlyFinding(y`
    apiVersion: batch/v1
    kind: Job
    metadata: {name: this-is-a-job-name-that-is-very-long-and-ends-close-to-the-lim}
    spec:
      completionMode: Indexed
      completions: 100
      template:
        spec:
          restartPolicy: Never
          containers: [{name: a, image: busybox}]
  `, 'object-name-invalid', { message: 'Invalid value: "this-is-a-job-name-that-is-very-long-and-ends-close-to-the-lim": will not able to create pod with invalid DNS label: this-is-a-job-name-that-is-very-long-and-ends-close-to-the-lim-99' });
});

test('labels-invalid: object, template and nodeSelector labels, reported against the map with the key or value range', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
      labels: {app/x/y: ok, good: "bad value!"}
    spec:
      selector: {matchLabels: {app: d}}
      template:
        metadata:
          labels: {app: d, example.com/: v, tier: null}
        spec:
          nodeSelector: {kubernetes.io/os: linux}
          containers: [{name: a, image: nginx}]
  `, 'labels-invalid');
  const expected: [string, RegExp][] = [
    ['metadata.labels', /^Invalid value: "app\/x\/y": a valid label key must consist of alphanumeric/],
    ['metadata.labels', /^Invalid value: "bad value!": a valid label must be an empty string or/],
    ['spec.template.metadata.labels', /^Invalid value: "example.com\/": name part must be non-empty$/],
    ['spec.template.metadata.labels', /^Invalid value: "example.com\/": name part must consist of alphanumeric/],
  ];
  assert.deepEqual(fs.map((f) => f.path), expected.map(([p]) => p), 'a null label value is the empty string, which is valid');
  expected.forEach(([, re], i) => assert.match(fs[i]!.message, re));
  assertFinding(fs[0], { at: [4, 11, 4, 18] });
  assertFinding(fs[1], { at: [4, 30, 4, 42] });
});

test('annotations-invalid: keys are checked in lower case; the total size is capped at 256 KiB', () => {
  const big = 'x'.repeat(262_144);
  const text = y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations: {Example.COM/Key: ok, "bad key!": x}
    spec:
      containers: [{name: a, image: nginx}]
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: q
      annotations: {note: ${big}}
    spec:
      containers: [{name: a, image: nginx}]
  `;
  const fs = byCode(text, 'annotations-invalid');
  assert.equal(fs.length, 2);
  assertFinding(fs[0], { document: 0, path: 'metadata.annotations', at: [4, 37, 4, 47] });
  assert.match(fs[0]!.message, /^Invalid value: "bad key!": name part must consist of alphanumeric characters/);
  assertFinding(fs[1], { document: 1, path: 'metadata.annotations', message: 'Too long: may not be more than 262144 bytes', at: [12, 2, 12, 13] });
});
