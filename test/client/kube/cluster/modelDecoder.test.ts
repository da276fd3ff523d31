import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1JSONSchemaProps, V1Pod, V1PodList } from '@kubernetes/client-node';
// What the explorer decoded with before; the decoder must give the same shape.
import { ObjectSerializer } from '@kubernetes/client-node/dist/serializer.js';
import { decodePod, modelDecoder } from '../../../../client/src/kube/cluster/modelDecoder';

/** A pod as the API server sends it, with a timestamp in every place V1Pod declares one that pods use. */
function rawPod(): Record<string, unknown> {
  const running = { running: { startedAt: '2026-12-01T10:00:01Z' } };
  const terminated = { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-12-01T09:00:00Z', finishedAt: '2026-12-01T09:59:59Z' } };
  const status = (name: string) => ({ name, image: 'busybox', imageID: '', ready: true, restartCount: 3, state: running, lastState: terminated });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-0', namespace: 'shop', uid: 'u-1', resourceVersion: '42',
      creationTimestamp: '2026-12-01T08:00:00Z', deletionTimestamp: '2026-12-01T11:00:00Z', deletionGracePeriodSeconds: 30,
      labels: { app: 'web' }, annotations: { note: 'x' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u-0', controller: true }],
    },
    spec: {
      nodeName: 'node-1',
      initContainers: [{ name: 'init', image: 'busybox', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { limits: { cpu: '1' } } }],
      ephemeralContainers: [{ name: 'debug', image: 'busybox', targetContainerName: 'app' }],
    },
    status: {
      phase: 'Running', startTime: '2026-12-01T08:00:01Z', podIP: '10.0.0.1',
      conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-12-01T08:00:05Z' }],
      initContainerStatuses: [status('init')],
      containerStatuses: [status('app')],
      ephemeralContainerStatuses: [status('debug')],
    },
  };
}

test('a pod decodes to exactly what client-node\'s ObjectSerializer made of it: the same fields, Dates in the same places', () => {
  const expected = ObjectSerializer.deserialize(rawPod(), 'V1Pod') as V1Pod;
  const actual = decodePod(rawPod());
  // structuredClone keeps Dates and drops the model classes' prototypes (the shape is what callers see).
  assert.deepEqual(structuredClone(actual), structuredClone(expected));
  assert.ok(actual.metadata?.creationTimestamp instanceof Date);
  assert.equal(actual.metadata?.creationTimestamp?.toISOString(), '2026-12-01T08:00:00.000Z');
  assert.ok(actual.status?.ephemeralContainerStatuses?.[0].lastState?.terminated?.finishedAt instanceof Date);
  assert.equal(actual.status?.conditions?.[0].lastProbeTime, null, 'a null timestamp stays null, as the serializer leaves it');
});

test('a pod loses managedFields (shown nowhere, and the largest part of a pod); other models keep them', () => {
  const raw = rawPod();
  (raw.metadata as Record<string, unknown>).managedFields = [{ manager: 'kubectl', operation: 'Update', time: '2026-12-01T08:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }];
  assert.equal(decodePod(raw).metadata?.managedFields, undefined);
  assert.equal(decodePod(rawPod()).metadata?.name, 'web-0');
  const withFields = rawPod();
  (withFields.metadata as Record<string, unknown>).managedFields = [{ manager: 'kubectl', time: '2026-12-01T08:00:00Z' }];
  const decoded = modelDecoder<V1Pod>('V1Pod')(withFields);
  assert.ok(decoded.metadata?.managedFields?.[0].time instanceof Date, 'without the option they stay, timestamps typed');
});

test('fields the model does not declare are kept (the serializer dropped them; nothing typed reads them)', () => {
  const raw = rawPod();
  (raw.spec as Record<string, unknown>).futureField = { a: 1 };
  const pod = decodePod(raw) as V1Pod & { spec: { futureField?: unknown } };
  assert.deepEqual(pod.spec.futureField, { a: 1 });
});

test('keys a model renames are renamed, at any depth of a recursive model, as the serializer does', () => {
  const list = modelDecoder<V1PodList>('V1PodList')({ metadata: { continue: 'next', resourceVersion: '7' }, items: [rawPod()] });
  assert.equal(list.metadata?._continue, 'next');
  assert.equal((list.metadata as Record<string, unknown>).continue, undefined);
  assert.ok(list.items[0].metadata?.creationTimestamp instanceof Date);

  const schema = () => ({
    type: 'object',
    properties: { spec: { type: 'object', properties: { size: { type: 'integer', default: 3, enum: [1, 3] } }, 'x-kubernetes-preserve-unknown-fields': true } },
  });
  const expected = ObjectSerializer.deserialize(schema(), 'V1JSONSchemaProps') as V1JSONSchemaProps;
  const actual = modelDecoder<V1JSONSchemaProps>('V1JSONSchemaProps')(schema());
  assert.deepEqual(structuredClone(actual), structuredClone(expected));
  assert.equal(actual.properties?.spec.properties?.size._default, 3);
  assert.equal(actual.properties?.spec.x_kubernetes_preserve_unknown_fields, true);
});

test('JSON null, scalars and an unknown model pass through', () => {
  assert.equal(decodePod(null), null);
  assert.equal(decodePod('x'), 'x');
  assert.deepEqual(modelDecoder('NoSuchModel')({ a: '2026-12-01T08:00:00Z' }), { a: '2026-12-01T08:00:00Z' });
});
