import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode, y } from '../../helpers';
import { documents, podNamed } from '../../../support/manifests';

const CODE = 'pod-name-not-dns-label';

test('pod-name-not-dns-label: a dotted Pod name', () => {
  assertOnlyFinding(y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web.v2
    spec:
      containers: [{name: a, image: x:1}]
  `, CODE, {
    path: 'metadata.name', severity: 'warning', at: [3, 8, 3, 14],
    message: 'this is used in the Pod\'s hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]; ' +
      'unless spec.hostname is set, the hostname is this name cut to 63 characters, dots included.',
  });
});

test('pod-name-not-dns-label: only Pods; labels pass; invalid subdomains are left to the API rules; per document', () => {
  const fs = byCode(documents(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web.v2}
    spec:
      template:
        metadata: {name: web.v2}
        spec:
          containers: [{name: a, image: x:1}]
  `, podNamed('web-v2')`
    containers: [{name: a, image: x:1}]
  `, podNamed('Web.V2')`
    containers: [{name: a, image: x:1}]
  `, y`
    apiVersion: v1
    kind: Pod
    metadata: {name: ${'a'.repeat(64)}}
    spec:
      containers: [{name: a, image: x:1}]
  `), CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.message.split('; ')[1]]), [[3, 'a DNS label is recommended: [must be no more than 63 characters]']]);
});
