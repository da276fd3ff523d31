import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'null-label-selector';

test('null-label-selector: a topology spread constraint without labelSelector spreads nothing', () => {
  assertOnlyFinding(pod`
    containers: [{name: a, image: x:1}]
    topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: DoNotSchedule
  `, CODE, {
    path: 'spec.topologySpreadConstraints[0].labelSelector', severity: 'warning', at: [6, 4, 6, 14],
    message: 'a null labelSelector results in matching no pod; the constraint counts no pods and spreads nothing.',
  });
});

test('null-label-selector: pod (anti-)affinity terms in a Deployment; {} and explicit selectors pass', () => {
  const fs = byCode(deploymentTemplate`
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
  assert.deepEqual(perDocument(documents(podNamed('a')`
    containers: [{name: a, image: x:1}]
    topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: a}}}]
  `, podNamed('b')`
    containers: [{name: a, image: x:1}]
    affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone}]}}
  `), CODE), [[1, 'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector']]);
});
