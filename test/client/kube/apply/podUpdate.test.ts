// The pod-update check's pure part: which refusal it is (by the Status' fields, not its text), and where each change
// is marked — the value typed, a new map entry by its value, a new list item by its first key, allowed fields never,
// and the whole spec when no change explains the refusal (a toleration removed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { isPodUpdateRefusal, podUpdateFindings, POD_UPDATE_FORBIDDEN } from '../../../../client/src/kube/apply/podUpdate';

const reason = 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
const status = {
  kind: 'Status', code: 422, reason: 'Invalid', message: `Pod "web" is invalid: spec: ${reason}\n@@ -1 +1 @@`,
  details: { name: 'web', kind: 'Pod', causes: [{ reason: 'FieldValueForbidden', field: 'spec', message: `${reason}\n@@ -1 +1 @@` }] },
};

const live = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' },
  spec: {
    containers: [{ name: 'app', image: 'nginx:1', ports: [{ containerPort: 80, protocol: 'TCP' }], volumeMounts: [{ name: 'kube-api-access-x1y2z', mountPath: '/var/run' }] }],
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
    restartPolicy: 'Always',
  },
};

const marks = (text: string) => podUpdateFindings(parseDocument(text), live, status).map((f) => [f.message.split(':')[0], text.slice(f.start, f.end), f.code]);

test('the refusal is recognised by its Status fields', () => {
  assert.equal(isPodUpdateRefusal(status), true);
  assert.equal(isPodUpdateRefusal({ ...status, details: { ...status.details, causes: [{ reason: 'FieldValueInvalid', field: 'spec', message: '' }] } }), false);
  assert.equal(isPodUpdateRefusal({ ...status, details: { ...status.details, kind: 'Deployment' } }), false);
});

test('each forbidden change at its value; image, an added toleration and admission\'s additions are not changes', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Never
  nodeSelector:
    disk: ssd
  tolerations:
  - key: spot
    operator: Exists
  containers:
  - name: app
    image: nginx:2
    ports:
    - containerPort: "80"
  - name: extra
    image: busybox
`;
  assert.deepEqual(marks(text), [
    ['spec.restartPolicy', 'Never', POD_UPDATE_FORBIDDEN],
    ['spec.nodeSelector.disk', 'ssd', POD_UPDATE_FORBIDDEN],
    ['spec.containers[1]', 'name', POD_UPDATE_FORBIDDEN],
  ]);
  const [first] = podUpdateFindings(parseDocument(text), live, status);
  assert.equal(first.message, `spec.restartPolicy: ${reason} (the live pod has "Always")`);
});

test('no located change: the refusal at spec', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1\n';
  assert.deepEqual(marks(text), [['spec', 'spec', POD_UPDATE_FORBIDDEN]]);
});
