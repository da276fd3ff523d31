import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFractionalBytes } from '../../../../server/src/engine/rules/runtime/fractionalByteQuantity';
import { parseQuantity, type Quantity } from '../../../../server/src/engine/validation/quantity';
import { assertOnlyFinding, byCode, perDocument } from '../../helpers';
import { deploymentTemplate, documents, pod, podNamed } from '../../../support/manifests';

const CODE = 'fractional-byte-quantity';

test('fractional-byte-quantity: memory "512m" is thousandths of a byte, with a fix to "512Mi"', () => {
  const f = assertOnlyFinding(pod`
    containers:
    - name: app
      image: app:1
      resources:
        limits:
          memory: 512m
  `, CODE, {
    path: 'spec.containers[0].resources.limits[memory]', severity: 'warning', at: [9, 16, 9, 20],
    message: 'fractional byte value "512m" is invalid, must be an integer; the "m" suffix means thousandths of a byte, not mebibytes ("512Mi").',
  });
  assert.deepEqual(f.fixes?.[0], { title: 'Change to 512Mi', edits: [{ range: f.range, newText: '512Mi' }] });
});

test('fractional-byte-quantity: requests, ephemeral-storage, overhead and ephemeral volume claims (Deployment)', () => {
  const fs = byCode(deploymentTemplate`
    overhead: {memory: 0.5}
    containers:
    - name: app
      image: app:1
      resources:
        requests: {memory: 1.5Ki, ephemeral-storage: "1.5", cpu: 500m}
    volumes:
    - name: scratch
      ephemeral:
        volumeClaimTemplate:
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 100m}}
  `, CODE);
  assert.deepEqual(fs.map((f) => [f.path, f.message.split(';')[0]]), [
    ['spec.template.spec.overhead[memory]', 'fractional byte value "500m" is invalid, must be an integer'],
    ['spec.template.spec.containers[0].resources.requests[ephemeral-storage]', 'fractional byte value "1500m" is invalid, must be an integer'],
    ['spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]', 'fractional byte value "100m" is invalid, must be an integer'],
  ]);
  assert.match(fs[1]!.message, /; the kubelet rounds it to whole bytes\.$/);
});

test('fractional-byte-quantity: whole bytes pass (1.5Ki is 1536); per document', () => {
  assert.deepEqual(perDocument(documents(podNamed('ok')`
    containers: [{name: a, image: x:1, resources: {limits: {memory: 1.5Ki, cpu: 100m}, requests: {memory: 1000m}}}]
  `, podNamed('bad')`
    containers: [{name: a, image: x:1, resources: {requests: {memory: 1001m}}}]
  `), CODE), [[1, 'spec.containers[0].resources.requests[memory]']]);
});

test('isFractionalBytes rounds up to thousandths like MilliValue', () => {
  const q = (s: string): Quantity => {
    const r = parseQuantity(s);
    assert.ok(r.ok);
    return r.quantity;
  };
  assert.equal(isFractionalBytes(q('1')), false);
  assert.equal(isFractionalBytes(q('2000m')), false);
  assert.equal(isFractionalBytes(q('1e3')), false);
  assert.equal(isFractionalBytes(q('1.001')), true);
  assert.equal(isFractionalBytes(q('100u')), true);
  // 0.9999999 rounds up to 1000 milli, a whole byte to Go.
  assert.equal(isFractionalBytes(q('0.9999999')), false);
});
