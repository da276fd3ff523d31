import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOnlyFinding, byCode } from '../../helpers';
import { deployment, deploymentTemplate, pod } from '../../../support/manifests';

test('image-required: missing image on an app container is an error at the container', () => {
  assertOnlyFinding(pod`
    containers:
    - name: app
      image: nginx:1.27
    - name: broken
  `, 'image-required', { path: 'spec.containers[1].image', severity: 'error', message: 'Required value', at: [7, 4, 7, 16] });
});

test('image-required: empty image string in a Deployment template', () => {
  assertOnlyFinding(deploymentTemplate`
    initContainers:
    - name: init
      image: ""
    containers:
    - {name: app, image: nginx:1.27}
  `, 'image-required', { path: 'spec.template.spec.initContainers[0].image', at: [8, 15, 8, 17] });
});

test('image-required: every container with an image passes', () => {
  assert.deepEqual(byCode(pod`
    containers: [{name: a, image: x}]
  `, 'image-required'), []);
});

test('image-required: ephemeral containers need an image too; a blank " " is not missing', () => {
  assertOnlyFinding(pod`
    containers:
    - {name: app, image: " "}
    ephemeralContainers:
    - name: debug
      image:
  `, 'image-required', { path: 'spec.ephemeralContainers[0].image', message: 'Required value', at: [8, 4, 8, 9] });
});

test('image-whitespace: a Pod image with surrounding spaces is Invalid and gets a trim fix', () => {
  const f = assertOnlyFinding(pod`
    containers:
    - name: app
      image: " nginx:1.27 "
  `, 'image-whitespace', { path: 'spec.containers[0].image', message: 'Invalid value: " nginx:1.27 ": must not have leading or trailing whitespace', at: [6, 11, 6, 25] });
  assert.equal(f.fixes?.[0]?.edits[0]?.newText, 'nginx:1.27');
});

test('image-whitespace: pod templates may pad images (validateContainerOnlyForPod is Pod-only)', () => {
  assert.deepEqual(byCode(deployment`
    containers: [{name: app, image: " nginx "}]
  `, 'image-whitespace'), []);
});
