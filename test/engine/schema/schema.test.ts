import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  displayName, fieldOf, fieldsOf, resolvePath, rootTypeFor, schemaKinds, servedApiVersion, typeByName, typeLabel,
} from '../../../server/src/engine';

test('schema: the nine pod-bearing kinds, each with its served apiVersion', () => {
  assert.deepEqual(schemaKinds(), ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'Pod', 'PodTemplate', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
  assert.equal(servedApiVersion('Pod'), 'v1');
  assert.equal(servedApiVersion('Deployment'), 'apps/v1');
  assert.equal(servedApiVersion('CronJob'), 'batch/v1');
  assert.equal(servedApiVersion('Service'), undefined);
});

test('schema: rootTypeFor checks the apiVersion when given', () => {
  assert.equal(rootTypeFor('CronJob', 'batch/v1')?.name, 'V1CronJob');
  assert.equal(rootTypeFor('CronJob')?.name, 'V1CronJob');
  assert.equal(rootTypeFor('CronJob', 'batch/v1beta1'), undefined);
  assert.equal(rootTypeFor('Service', 'v1'), undefined);
});

test('schema: required markers follow the OpenAPI (Container.name required, Container.image not)', () => {
  assert.equal(fieldOf('V1Container', 'name')?.required, true);
  assert.equal(fieldOf('V1Container', 'image')?.required, false);
  assert.equal(fieldOf('V1PodSpec', 'containers')?.required, true);
  assert.equal(fieldOf('V1ContainerPort', 'containerPort')?.required, true);
  assert.equal(fieldOf('V1StatefulSetSpec', 'serviceName')?.required, false);
});

test('schema: fields are sorted, described, and typed', () => {
  const names = fieldsOf('V1ContainerPort').map((f) => f.name);
  assert.deepEqual(names, ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol']);
  const port = fieldOf('V1ContainerPort', 'containerPort')!;
  assert.deepEqual([port.kind, port.format], ['integer', 'int32']);
  assert.match(port.description, /valid port number/);
  assert.match(typeByName('V1Container')!.description, /single application container/);
  assert.deepEqual(fieldsOf({ kind: 'string' }), []);
});

test('schema: resolvePath walks objects, arrays and maps from a kind\'s root', () => {
  const pull = resolvePath('CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy'])!;
  assert.equal(pull.field?.name, 'imagePullPolicy');
  assert.deepEqual(pull.type, { kind: 'string', enum: ['Always', 'Never', 'IfNotPresent'] });

  const containers = resolvePath('Deployment', ['spec', 'template', 'spec', 'containers'])!;
  assert.equal(typeLabel(containers.type), '[]Container');
  const container = resolvePath('Deployment', ['spec', 'template', 'spec', 'containers', 3])!;
  assert.equal(container.objectType?.name, 'V1Container');
  assert.equal(container.field?.name, 'containers');

  const label = resolvePath('Pod', ['metadata', 'labels', 'app'])!;
  assert.deepEqual(label.type, { kind: 'string' });
  assert.equal(label.field?.name, 'labels');
  assert.deepEqual(resolvePath('Pod', ['spec', 'containers', 0, 'resources', 'limits', { key: 'cpu' }])?.type, { kind: 'quantity' });
});

test('schema: resolvePath is undefined off the schema', () => {
  assert.equal(resolvePath('Pod', ['spec', 'contianers']), undefined);
  assert.equal(resolvePath('Pod', ['spec', 'containers', 'name']), undefined);
  assert.equal(resolvePath('Pod', ['spec', 'restartPolicy', 'x']), undefined);
  assert.equal(resolvePath('Service', []), undefined);
});

test('schema: int-or-string, quantities, timestamps and free-form fields keep their nature', () => {
  assert.equal(resolvePath('Pod', ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port'])?.type.kind, 'int-or-string');
  assert.equal(resolvePath('Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])?.type.kind, 'int-or-string');
  assert.equal(resolvePath('Pod', ['spec', 'volumes', 0, 'emptyDir', 'sizeLimit'])?.type.kind, 'quantity');
  assert.equal(resolvePath('Pod', ['spec', 'overhead', 'cpu'])?.type.kind, 'quantity');
  assert.equal(resolvePath('StatefulSet', ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'])?.type.kind, 'quantity');
  assert.equal(resolvePath('Pod', ['spec', 'containers', 0, 'env', 0, 'valueFrom', 'resourceFieldRef', 'divisor'])?.type.kind, 'quantity');
  assert.deepEqual(resolvePath('Pod', ['metadata', 'creationTimestamp'])?.type, { kind: 'string', format: 'date-time' });
  assert.equal(resolvePath('Pod', ['metadata', 'managedFields', 0, 'fieldsV1'])?.type.kind, 'any');
  assert.equal(resolvePath('Pod', ['spec', 'nodeSelector', 'disktype'])?.type.kind, 'string');
});

test('schema: displayName and typeLabel print Kubernetes names', () => {
  assert.equal(displayName('V1PodSpec'), 'PodSpec');
  assert.equal(displayName('CoreV1ResourceClaim'), 'ResourceClaim');
  assert.equal(typeLabel({ kind: 'map', itemType: { kind: 'quantity' } }), 'map[string]Quantity');
  assert.equal(typeLabel({ kind: 'integer', format: 'int64' }), 'integer (int64)');
});
