import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, perDocument, y } from '../../helpers';

const CODE = 'deprecated-annotation';

test('deprecated-annotation: seccomp annotations without the field, at the annotation key', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
        container.seccomp.security.alpha.kubernetes.io/app: runtime/default
        container.seccomp.security.alpha.kubernetes.io/sidecar: runtime/default
    spec:
      containers:
      - name: app
        image: app:1
      - name: sidecar
        image: side:1
        securityContext: {seccompProfile: {type: RuntimeDefault}}
  `, CODE);
  assert.deepEqual(fs.map((f) => f.path), [
    'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]',
    'metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]',
  ]);
  assertFinding(fs[0], {
    severity: 'warning',
    message: 'non-functional in v1.27+; use the "seccompProfile" field instead',
    at: [5, 4, 5, 44],
  });
});

test('deprecated-annotation: critical-pod, sysctls and AppArmor on a Deployment template', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        metadata:
          annotations:
            scheduler.alpha.kubernetes.io/critical-pod: ""
            security.alpha.kubernetes.io/sysctls: kernel.shm_rmid_forced=1
            container.apparmor.security.beta.kubernetes.io/app: runtime/default
        spec:
          containers: [{name: app, image: app:1}]
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.template.metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]', 'non-functional in v1.16+; use the "priorityClassName" field instead'],
    ['spec.template.metadata.annotations[security.alpha.kubernetes.io/sysctls]', 'non-functional in v1.11+; use the "sysctls" field instead'],
    ['spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]', 'deprecated since v1.30; use the "appArmorProfile" field instead'],
  ]);
  assertFinding(fs[2], { at: [9, 8, 9, 58] });
});

test('deprecated-annotation: AppArmor on a Pod is silent only when it repeats the pod-level profile', () => {
  const pod = (annotation: string, podProfile: string) => y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      annotations: {container.apparmor.security.beta.kubernetes.io/app: "${annotation}"}
    spec:
      securityContext: {${podProfile}}
      containers: [{name: app, image: app:1}]
  `;
  assert.equal(byCode(pod('localhost/deny-write', 'appArmorProfile: {type: Localhost, localhostProfile: deny-write}'), CODE).length, 0);
  assert.equal(byCode(pod('localhost/deny-write', ''), CODE).length, 1);
  assert.equal(byCode(pod('runtime/default', 'appArmorProfile: {type: Unconfined}'), CODE).length, 1);
  assert.equal(byCode(pod('bogus', 'appArmorProfile: {type: RuntimeDefault}'), CODE).length, 1, 'an unusable value warns');
});

test('deprecated-annotation: per document; unrelated annotations pass', () => {
  assert.deepEqual(perDocument(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: a, annotations: {prometheus.io/scrape: "true"}}
    spec:
      containers: [{name: a, image: x:1}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b, annotations: {security.alpha.kubernetes.io/unsafe-sysctls: net.core.somaxconn=1024}}
    spec:
      containers: [{name: a, image: x:1}]
  `, CODE), [[1, 'metadata.annotations[security.alpha.kubernetes.io/unsafe-sysctls]']]);
});
