import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertOneFix, assertOnlyFinding, byCode, y } from '../../helpers';

test('kind-unknown: a plural kind in the core group is an error at the kind, with a fix to the kind meant', () => {
  const f = assertOnlyFinding(y`
    apiVersion: v1
    kind: Pods
    metadata: {name: p}
    spec: {containers: [{name: a, image: x}]}
  `, 'kind-unknown', { path: 'kind', severity: 'error', message: 'no matches for kind "Pods" in version "v1"; did you mean "Pod"?', at: [1, 6, 1, 10] });
  assertOneFix(f, 'Change kind to Pod', [1, 6, 1, 10], 'Pod');
});

test('kind-unknown: a misspelt kind in a named group suggests that group\'s kind', () => {
  const fs = byCode(y`
    apiVersion: apps/v1
    kind: Deploymnet
    metadata: {name: d}
  `, 'kind-unknown');
  assert.equal(fs[0]?.message, 'no matches for kind "Deploymnet" in version "apps/v1"; did you mean "Deployment"?');
});

test('kind-unknown: a kind of another group is reported without a guess when nothing is close', () => {
  const fs = byCode(y`
    apiVersion: batch/v1
    kind: Deployment
    metadata: {name: d}
  `, 'kind-unknown');
  assert.equal(fs[0]?.message, 'no matches for kind "Deployment" in version "batch/v1"');
  assert.equal(fs[0]?.fixes, undefined);
});

test('kind-unknown: built-in kinds of every group, lists and CRD groups are silent', () => {
  for (const [apiVersion, kind] of [['v1', 'ConfigMap'], ['v1', 'List'], ['v1', 'PodList'], ['networking.k8s.io/v1', 'Ingress'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole'], ['policy/v1', 'Eviction'], ['example.com/v1', 'Pods'], ['cert-manager.io/v1', 'Certificate']]) {
    assert.deepEqual(byCode(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`, 'kind-unknown'), [], `${apiVersion} ${kind}`);
  }
});
