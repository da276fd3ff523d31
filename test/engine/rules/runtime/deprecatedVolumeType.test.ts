import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { documents, pod, podNamed, template } from '../../../support/manifests';

const CODE = 'deprecated-volume-type';

test('deprecated-volume-type: gitRepo is locked off in v1.36, at the volume type key', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    volumes:
    - name: src
      gitRepo:
        repository: https://example.com/repo.git
  `, CODE, {
    path: 'spec.volumes[0].gitRepo', severity: 'warning', at: [7, 4, 7, 11],
    message: 'deprecated in v1.11, and disabled by default in v1.33+; in v1.36 the kubelet refuses to mount it and the pod never starts; ' +
      'clone the repository from an init container into an emptyDir instead.',
  });
});

test('deprecated-volume-type: removed plugins in a StatefulSet template; current types pass', () => {
  const fs = byCode(template('StatefulSet', 's')`
    containers: [{name: a, image: x:1}]
    volumes:
    - {name: a, rbd: {monitors: [1.2.3.4], image: img}}
    - {name: b, storageos: {volumeName: v}}
    - {name: c, emptyDir: {}}
    - {name: d, nfs: {server: s, path: /}}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.template.spec.volumes[0].rbd', 'deprecated in v1.28, non-functional in v1.31+; the kubelet no longer has this plugin, so the volume cannot be mounted; use the Ceph RBD CSI driver.'],
    ['spec.template.spec.volumes[1].storageos', 'deprecated in v1.22, non-functional in v1.25+; the kubelet no longer has this plugin, so the volume cannot be mounted.'],
  ]);
  assertFinding(fs[0], { at: [8, 18, 8, 21] });
});

test('deprecated-volume-type: per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    containers: [{name: a, image: x:1}]
    volumes: [{name: v, emptyDir: {}}]
  `, podNamed('b')`
    containers: [{name: a, image: x:1}]
    volumes: [{name: v, glusterfs: {endpoints: e, path: p}}]
  `), CODE), [[1, 'spec.volumes[0].glusterfs']]);
});
