import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'volume-path-overlap';

test('volume-path-overlap: two configMap keys to one file, and a file where a directory is needed', () => {
  const fs = byCode(pod`
    containers: [{name: a, image: x:1}]
    volumes:
    - name: config
      configMap:
        name: app-config
        items:
        - {key: a, path: conf/app.yaml}
        - {key: b, path: conf/app.yaml}
        - {key: c, path: conf/}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message.split('; ')[0]]), [
    ['spec.volumes[0].configMap.items[1].path', 'volume "config" (ConfigMap "app-config"): overlapping paths: "conf/app.yaml" with "conf/app.yaml"'],
    ['spec.volumes[0].configMap.items[2].path', 'volume "config" (ConfigMap "app-config"): overlapping paths: "conf" with "conf/app.yaml"'],
    ['spec.volumes[0].configMap.items[2].path', 'volume "config" (ConfigMap "app-config"): overlapping paths: "conf" with "conf/app.yaml"'],
  ]);
  assertFinding(fs[0], {
    severity: 'warning',
    message: 'volume "config" (ConfigMap "app-config"): overlapping paths: "conf/app.yaml" with "conf/app.yaml"; ' +
      'the kubelet writes one file over the other or fails the mount with "is a directory" or "file exists".',
    at: [11, 23, 11, 36],
  });
});

test('volume-path-overlap: projected sources are checked across each other (Deployment)', () => {
  const fs = byCode(deploymentTemplate`
    containers: [{name: a, image: x:1}]
    volumes:
    - name: all
      projected:
        sources:
        - serviceAccountToken: {path: token}
        - secret: {name: creds, items: [{key: t, path: token}]}
        - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}
    - name: ok
      secret: {secretName: s, items: [{key: a, path: a}, {key: b, path: ab}]}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message.split('; ')[0]]), [
    ['spec.template.spec.volumes[0].projected.sources[1].secret.items[0].path',
      'volume "all" (Projected): overlapping paths: "token" (Secret "creds") with "token" (ServiceAccountToken)'],
  ]);
});

test('volume-path-overlap: per document', () => {
  const fs = byCode(documents(podNamed('a')`
    containers: [{name: a, image: x:1}]
    volumes: [{name: v, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: metadata.name}}, {path: b, fieldRef: {fieldPath: metadata.uid}}]}}]
  `, podNamed('b')`
    containers: [{name: a, image: x:1}]
    volumes: [{name: v, downwardAPI: {items: [{path: a, fieldRef: {fieldPath: metadata.name}}, {path: a/b, fieldRef: {fieldPath: metadata.uid}}]}}]
  `), CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path, f.message.split('; ')[0]]), [
    [1, 'spec.volumes[0].downwardAPI.items[1].path', 'volume "v" (DownwardAPI): overlapping paths: "a/b" with "a"'],
  ]);
});
