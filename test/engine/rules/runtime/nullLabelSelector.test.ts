import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

const CODE = 'null-label-selector';

test('null-label-selector: a topology spread constraint without labelSelector spreads nothing', () => {
  const fs = byCode(pod`
    containers: [{name: a, image: x:1}]
    topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: DoNotSchedule
  `, CODE);
  assert.equal(fs.length, 1);
  assertFinding(fs[0], {
    path: 'spec.topologySpreadConstraints[0].labelSelector',
    severity: 'warning',
    message: 'a null labelSelector results in matching no pod; the constraint counts no pods and spreads nothing.',
    at: [6, 4, 6, 14],
  });
});

test('null-label-selector: pod (anti-)affinity terms in a Deployment; {} and explicit selectors pass', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d}
    spec:
      template:
        spec:
          containers: [{name: a, image: x:1}]
          affinity:
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - topologyKey: kubernetes.io/hostname
                labelSelector: null
              - {topologyKey: kubernetes.io/hostname, labelSelector: {}}
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 1
                podAffinityTerm: {topologyKey: kubernetes.io/hostname}
              - weight: 1
                podAffinityTerm: {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: a}}}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message.split('; ')[1]]), [
    ['spec.template.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector', 'no node can satisfy this required term, so the pod stays Pending.'],
    ['spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector', 'the preference has no effect.'],
  ]);
  assertFinding(fs[0], { at: [11, 12, 11, 25] });
});

test('null-label-selector: per document', () => {
  const fs = byCode(y`
    apiVersion: v1
    kind: Pod
    metadata: {name: a}
    spec:
      containers: [{name: a, image: x:1}]
      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: a}}}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: b}
    spec:
      containers: [{name: a, image: x:1}]
      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone}]}}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.document, f.path]), [[1, 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector']]);
});
