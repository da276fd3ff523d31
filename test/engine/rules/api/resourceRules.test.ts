import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode } from '../../helpers';
import { pod, deployment } from '../../../support/manifests';

const QUANTITY_RE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

test('quantity-invalid: the decoder\'s message, pinned to the bad value (container, overhead, emptyDir)', () => {
  const fs = byCode(pod`
    overhead: {cpu: 1x}
    containers:
    - name: a
      image: nginx
      resources:
        limits: {memory: 1GB, cpu: 500m}
        requests: {cpu: 5i}
    volumes: [{name: v, emptyDir: {sizeLimit: lots}}]
  `, 'quantity-invalid');
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.containers[0].resources.limits[memory]', QUANTITY_RE],
    ['spec.containers[0].resources.requests[cpu]', "unable to parse quantity's suffix"],
    ['spec.overhead[cpu]', QUANTITY_RE],
    ['spec.volumes[0].emptyDir.sizeLimit', QUANTITY_RE],
  ]);
  assertFinding(fs[0], { at: [9, 23, 9, 26] });
});

test('resource-name-invalid: unknown unprefixed names get both server messages; extended names pass', () => {
  const fs = byCode(pod`
    containers:
    - name: a
      image: nginx
      resources:
        requests: {cpus: 1, pods: 1, example.com/gpu: 1, hugepages-2Mi: 2Mi, memory: 1Gi}
        limits: {example.com/gpu: 1, hugepages-2Mi: 2Mi}
  `, 'resource-name-invalid');
  assert.deepEqual(fs.map((f) => f.message), [
    'Invalid value: "cpus": must be a standard resource type or fully qualified',
    'Invalid value: "cpus": must be a standard resource for containers',
    'Invalid value: "pods": must be a standard resource for containers',
  ]);
  assertFinding(fs[0], { path: 'spec.containers[0].resources.requests[cpus]', at: [8, 17, 8, 21] });
});

test('resource-value-invalid: negatives, fractional extended resources, hugepage multiples, hugepages alone', () => {
  const fs = byCode(deployment`
    containers:
    - name: a
      image: nginx
      resources:
        limits: {example.com/gpu: 500m, hugepages-2Mi: 3Mi, ephemeral-storage: -1}
        requests: {example.com/gpu: 500m, hugepages-2Mi: 3Mi}
  `, 'resource-value-invalid');
  const r = 'spec.template.spec.containers[0].resources';
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    [`${r}.limits[example.com/gpu]`, 'Invalid value: "500m": must be an integer'],
    [`${r}.limits[hugepages-2Mi]`, 'Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi'],
    [`${r}.limits[ephemeral-storage]`, 'Invalid value: "-1": must be greater than or equal to 0'],
    [`${r}.requests[example.com/gpu]`, 'Invalid value: "500m": must be an integer'],
    [`${r}.requests[hugepages-2Mi]`, 'Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi'],
    [r, 'Forbidden: HugePages require cpu or memory'],
  ]);
  assertFinding(fs[5], { at: [11, 8, 11, 17] });
});

test('resource-request-exceeds-limit: exact comparisons across suffixes, milli rounding, non-overcommitable resources', () => {
  const fs = byCode(pod`
    containers:
    - name: a
      image: nginx
      resources:
        limits: {cpu: 500m, memory: 1Gi, example.com/gpu: 1}
        requests: {cpu: "1", memory: 1073741825, example.com/gpu: 0}
    - name: b
      image: nginx
      resources:
        limits: {cpu: 0.00005, memory: 1536Mi}
        requests: {cpu: 0.0001, memory: 1.5Gi, example.com/foo: 2}
  `, 'resource-request-exceeds-limit');
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.containers[0].resources.requests', 'Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ['spec.containers[0].resources.requests', 'Invalid value: "1073741825": must be less than or equal to memory limit of 1Gi'],
    ['spec.containers[0].resources.requests', 'Invalid value: "0": must be equal to example.com/gpu limit of 1'],
    ['spec.containers[1].resources.limits', 'Required value: Limit must be set for non overcommitable resources'],
  ], 'both cpu values round up to 1m, and 1.5Gi equals 1536Mi');
  assertFinding(fs[0], { at: [9, 22, 9, 25] });
  assertFinding(fs[3], { at: [14, 45, 14, 60] });
});
