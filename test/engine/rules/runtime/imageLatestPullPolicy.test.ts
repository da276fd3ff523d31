import assert from 'node:assert/strict';
import { test } from 'node:test';
import { floatingTag } from '../../../../server/src/engine/rules/runtime/imageLatestPullPolicy';
import { assertFinding, assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'image-latest-pull-policy';

test('image-latest-pull-policy: ":latest" pinned to IfNotPresent, with a fix to Always', () => {
  const f = assertOnlyFinding(pod`
    containers:
    - name: app
      image: registry.example:5000/team/app:latest
      imagePullPolicy: IfNotPresent
  `, CODE, {
    path: 'spec.containers[0].image', severity: 'warning', at: [6, 11, 6, 48],
    message: 'image "registry.example:5000/team/app:latest" uses the "latest" tag but imagePullPolicy is IfNotPresent: each node keeps the first "latest" it pulled, ' +
      'so pods run whatever build their node happens to have. Pin a version tag or digest, or drop imagePullPolicy (the default for "latest" is Always).',
  });
  assert.deepEqual(f.fixes?.[0]?.edits, [{ range: { start: { line: 7, character: 21 }, end: { line: 7, character: 33 } }, newText: 'Always' }]);
});

test('image-latest-pull-policy: untagged init image in a Deployment; Never is only an info', () => {
  const fs = byCode(deploymentTemplate`
    initContainers:
    - {name: init, image: busybox, imagePullPolicy: IfNotPresent}
    containers:
    - {name: app, image: "localhost/app:latest", imagePullPolicy: Never}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.severity]), [
    ['spec.template.spec.initContainers[0].image', 'warning'],
    ['spec.template.spec.containers[0].image', 'info'],
  ]);
  assertFinding(fs[0], { at: [7, 28, 7, 35] });
  assert.match(fs[0]!.message, /^image "busybox" has no tag, which means "latest", but imagePullPolicy is IfNotPresent/);
  assert.match(fs[1]!.message, /fails with ErrImageNeverPull on nodes without it\.$/);
});

test('image-latest-pull-policy: Always, no policy, version tags and digests pass; per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('fine')`
    containers:
    - {name: a, image: nginx:latest, imagePullPolicy: Always}
    - {name: b, image: nginx}
    - {name: c, image: nginx:1.27, imagePullPolicy: IfNotPresent}
    - {name: d, image: "nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000", imagePullPolicy: IfNotPresent}
  `, podNamed('stale')`
    containers:
    - {name: a, image: nginx:latest, imagePullPolicy: IfNotPresent}
  `), CODE), [[1, 'spec.containers[0].image']]);
});

test('floatingTag follows the image reference grammar', () => {
  assert.equal(floatingTag('nginx'), '');
  assert.equal(floatingTag('nginx:latest'), 'latest');
  assert.equal(floatingTag('localhost:5000/nginx'), '');
  assert.equal(floatingTag('localhost:5000/nginx:1.2'), undefined);
  assert.equal(floatingTag('nginx@sha256:abc'), undefined);
  assert.equal(floatingTag('nginx:latest-alpine'), undefined);
});
