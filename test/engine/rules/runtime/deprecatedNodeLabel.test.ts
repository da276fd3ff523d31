import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'deprecated-node-label';

test('deprecated-node-label: nodeSelector key, with the API server wording', () => {
  assertOnlyFinding(pod`
    nodeSelector:
      beta.kubernetes.io/os: linux
      disktype: ssd
    containers: [{name: a, image: x:1}]
  `, CODE, {
    path: 'spec.nodeSelector[beta.kubernetes.io/os]', severity: 'warning', at: [5, 4, 5, 25],
    message: 'deprecated since v1.14; use "kubernetes.io/os" instead',
  });
});

test('deprecated-node-label: affinity expressions and topology keys in a Deployment template', () => {
  const fs = byCode(deploymentTemplate`
    containers: [{name: a, image: x:1}]
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchExpressions:
            - {key: node-role.kubernetes.io/master, operator: DoesNotExist}
        preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 1
          preference:
            matchExpressions:
            - {key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [a]}
    topologySpreadConstraints:
    - {maxSkew: 1, topologyKey: beta.kubernetes.io/instance-type, whenUnsatisfiable: ScheduleAnyway, labelSelector: {}}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key',
      'node-role.kubernetes.io/master is use "node-role.kubernetes.io/control-plane" instead; kubeadm has not put it on control-plane nodes since v1.24, so selecting on it can match no node'],
    ['spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].key',
      'failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead'],
    ['spec.template.spec.topologySpreadConstraints[0].topologyKey',
      'beta.kubernetes.io/instance-type is deprecated since v1.17; use "node.kubernetes.io/instance-type" instead'],
  ]);
  assertFinding(fs[0], { at: [12, 22, 12, 52] });
});

test('deprecated-node-label: current labels pass; per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('a')`
    nodeSelector: {kubernetes.io/os: linux}
    containers: [{name: a, image: x:1}]
  `, podNamed('b')`
    nodeSelector: {beta.kubernetes.io/arch: amd64}
    containers: [{name: a, image: x:1}]
  `), CODE), [[1, 'spec.nodeSelector[beta.kubernetes.io/arch]']]);
});
