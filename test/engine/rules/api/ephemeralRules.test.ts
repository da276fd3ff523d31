import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode } from '../../helpers';
import { documents, pod, podNamed, workload } from '../../../support/manifests';

const POD = pod`
  containers: [{name: app, image: nginx}]
  volumes: [{name: v, emptyDir: {}}]
  ephemeralContainers:
  - name: debug
    image: busybox
    targetContainerName: nope
    ports: []
    resources: {}
    livenessProbe: {exec: {command: [ls]}}
    restartPolicy: Always
    volumeMounts: [{name: v, mountPath: /v, subPath: x}]
`;

test('ephemeral-container-field-forbidden: fields outside the allow-list, at their keys', () => {
  const fs = byCode(POD, 'ephemeral-container-field-forbidden');
  assert.deepEqual(fs.map((f) => f.path), [
    'spec.ephemeralContainers[0].ports',
    'spec.ephemeralContainers[0].restartPolicy',
    'spec.ephemeralContainers[0].livenessProbe',
    'spec.ephemeralContainers[0].volumeMounts[0].subPath',
  ], 'an empty resources: {} is the zero value, so it is not "set"');
  for (const f of fs) assert.equal(f.message, 'Forbidden: cannot be set for an Ephemeral Container');
  assertFinding(fs[0], { at: [10, 4, 10, 9] });
  assertFinding(fs[3], { at: [14, 44, 14, 51] });
});

test('ephemeral-target-not-found and ephemeral-containers-not-allowed (Pod create)', () => {
  const target = byCode(POD, 'ephemeral-target-not-found');
  assert.equal(target.length, 1);
  assertFinding(target[0], { path: 'spec.ephemeralContainers[0].targetContainerName', message: 'Not found: "nope"', at: [9, 25, 9, 29] });
  const create = byCode(POD, 'ephemeral-containers-not-allowed');
  assert.equal(create.length, 1);
  assertFinding(create[0], { path: 'spec.ephemeralContainers', message: 'Forbidden: cannot be set on create', at: [6, 2, 6, 21] });
});

test('ephemeral-containers-not-allowed: pod templates never allow them; an empty list is fine', () => {
  assertOnlyFinding(documents(workload('ReplicaSet', 'r')`
    containers: [{name: app, image: nginx}]
    ephemeralContainers: [{name: e, image: busybox, targetContainerName: app}]
  `, podNamed('q')`
    containers: [{name: app, image: nginx}]
    ephemeralContainers: []
  `), 'ephemeral-containers-not-allowed', { document: 0, path: 'spec.template.spec.ephemeralContainers', message: 'Forbidden: ephemeral containers not allowed in pod template' });
});
