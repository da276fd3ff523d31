import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

test('volume-mount-invalid: the server\'s checks, with its index-less paths for subPath and propagation', () => {
  const fs = byCode(pod`
    containers:
    - name: a
      image: nginx
      volumeMounts:
      - {name: data, mountPath: /d}
      - {name: missing, mountPath: /d}
      - {name: data, mountPath: /e, subPath: /abs}
      - {name: data, mountPath: /f, subPath: a/../b}
      - {name: data, mountPath: /g, subPath: sp, subPathExpr: spe}
      - {name: data, mountPath: /h, mountPropagation: Bidirectional}
      - {name: data, mountPath: /i, recursiveReadOnly: Enabled}
      - {name: data}
    volumes: [{name: data, emptyDir: {}}]
  `, 'volume-mount-invalid');
  const c = 'spec.containers[0].volumeMounts';
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    [`${c}[1].name`, 'Not found: "missing"'],
    [`${c}[1].mountPath`, 'Invalid value: "/d": must be unique'],
    [`${c}.subPath`, 'Invalid value: "/abs": must be a relative path'],
    [`${c}.subPath`, 'Invalid value: "a/../b": must not contain \'..\''],
    [`${c}[4].subPathExpr`, 'Invalid value: "spe": subPathExpr and subPath are mutually exclusive'],
    [`${c}.mountPropagation`, 'Forbidden: Bidirectional mount propagation is available only to privileged containers'],
    [`${c}.recursiveReadOnly`, 'Forbidden: may only be specified when readOnly is true'],
    [`${c}[7].mountPath`, 'Required value'],
  ]);
  assertFinding(fs[0], { at: [9, 13, 9, 20] });
  assertFinding(fs[2], { at: [10, 43, 10, 47] });
  assertFinding(fs[7], { at: [15, 6, 15, 18] });
});

test('volume-mount-invalid: each container has its own mount paths; privileged containers may use Bidirectional', () => {
  assert.deepEqual(byCode(pod`
    containers:
    - {name: a, image: nginx, volumeMounts: [{name: data, mountPath: /d, subPath: a/b}]}
    - name: b
      image: nginx
      securityContext: {privileged: true}
      volumeMounts: [{name: data, mountPath: /d, mountPropagation: Bidirectional}, {name: data, mountPath: /r, readOnly: true, recursiveReadOnly: IfPossible}]
    volumes: [{name: data, emptyDir: {}}]
  `, 'volume-mount-invalid'), []);
});

test('volume-mount-invalid: a StatefulSet may mount its volumeClaimTemplates', () => {
  assertOnlyFinding(y`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: s}
    spec:
      serviceName: s
      selector: {matchLabels: {app: s}}
      template:
        metadata: {labels: {app: s}}
        spec:
          containers: [{name: a, image: nginx, volumeMounts: [{name: www, mountPath: /w}, {name: nope, mountPath: /n}]}]
      volumeClaimTemplates:
      - metadata: {name: www}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
  `, 'volume-mount-invalid', { path: 'spec.template.spec.containers[0].volumeMounts[1].name', message: 'Not found: "nope"' });
});
