import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertFindings, assertOnlyFinding, byCode } from '../../helpers';
import { deployment, documents, pod, podNamed } from '../../../support/manifests';

const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

test('container-name-invalid: upper case and underscores, with a lower-case fix when that suffices', () => {
  const text = pod`
    containers:
    - name: Web_App
      image: nginx
    - name: WebApp
      image: nginx
  `;
  const fs = byCode(text, 'container-name-invalid');
  assert.equal(fs.length, 2);
  assertFinding(fs[0], { path: 'spec.containers[0].name', message: `Invalid value: "Web_App": ${LABEL_MSG}`, at: [5, 10, 5, 17] });
  assert.equal(fs[0]!.fixes, undefined, 'lower-casing Web_App still leaves the underscore');
  assertFinding(fs[1], { path: 'spec.containers[1].name', at: [7, 10, 7, 16] });
  assert.deepEqual(fs[1]!.fixes?.[0]?.edits[0]?.newText, 'webapp');
});

test('container-name-invalid: missing and empty names are Required', () => {
  assertFindings(pod`
    initContainers:
    - image: busybox
    containers:
    - name: ""
      image: nginx
  `, 'container-name-invalid', [
    { path: 'spec.initContainers[0].name', message: 'Required value', at: [5, 4, 5, 18] },
    { path: 'spec.containers[0].name', message: 'Required value', at: [7, 10, 7, 12] },
  ]);
});

test('container-name-duplicate: the server blames the init container, even when it comes first', () => {
  const fs = byCode(deployment`
    initContainers:
    - {name: web, image: busybox}
    containers:
    - {name: web, image: nginx}
    - {name: side, image: nginx}
    - {name: side, image: nginx}
  `, 'container-name-duplicate');
  assert.deepEqual(fs.map((f) => f.path), ['spec.template.spec.containers[2].name', 'spec.template.spec.initContainers[0].name']);
  assertFinding(fs[0], { message: 'Duplicate value: "side"', at: [13, 15, 13, 19] });
  assertFinding(fs[1], { message: 'Duplicate value: "web"', at: [9, 15, 9, 18] });
});

test('container-name-duplicate: ephemeral containers may not reuse any name; distinct names pass', () => {
  const text = documents(pod`
    containers: [{name: app, image: nginx}]
    ephemeralContainers: [{name: app, image: busybox}]
  `, podNamed('q')`
    initContainers: [{name: init, image: busybox}]
    containers: [{name: app, image: nginx}]
  `);
  assertOnlyFinding(text, 'container-name-duplicate', { document: 0, path: 'spec.ephemeralContainers[0].name', message: 'Duplicate value: "app"' });
});
