import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSchema as s, displayName, typeLabel } from '../../../server/src/engine';

test('schema: the nine pod-bearing kinds, each with its served apiVersion', () => {
  assert.deepEqual(s.kinds(), ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'Pod', 'PodTemplate', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
  assert.equal(s.servedApiVersion('Pod'), 'v1');
  assert.equal(s.servedApiVersion('Deployment'), 'apps/v1');
  assert.equal(s.servedApiVersion('CronJob'), 'batch/v1');
  assert.equal(s.servedApiVersion('Service'), undefined);
});

test('schema: rootTypeFor checks the apiVersion when given', () => {
  assert.equal(s.rootTypeFor('CronJob', 'batch/v1')?.name, 'V1CronJob');
  assert.equal(s.rootTypeFor('CronJob')?.name, 'V1CronJob');
  assert.equal(s.rootTypeFor('CronJob', 'batch/v1beta1'), undefined);
  assert.equal(s.rootTypeFor('Service', 'v1'), undefined);
});

test('schema: required markers follow the OpenAPI (Container.name required, Container.image not)', () => {
  assert.equal(s.fieldOf('V1Container', 'name')?.required, true);
  assert.equal(s.fieldOf('V1Container', 'image')?.required, false);
  assert.equal(s.fieldOf('V1PodSpec', 'containers')?.required, true);
  assert.equal(s.fieldOf('V1ContainerPort', 'containerPort')?.required, true);
  assert.equal(s.fieldOf('V1StatefulSetSpec', 'serviceName')?.required, false);
});

test('schema: fields are sorted, described, and typed', () => {
  const names = s.fieldsOf('V1ContainerPort').map((f) => f.name);
  assert.deepEqual(names, ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol']);
  const port = s.fieldOf('V1ContainerPort', 'containerPort')!;
  assert.deepEqual([port.kind, port.format], ['integer', 'int32']);
  assert.match(port.description, /valid port number/);
  assert.match(s.typeByName('V1Container')!.description, /single application container/);
  assert.deepEqual(s.fieldsOf({ kind: 'string' }), []);
});

test('schema: resolvePath walks objects, arrays and maps from a kind\'s root', () => {
  const pull = s.resolvePath('CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy'])!;
  assert.equal(pull.field?.name, 'imagePullPolicy');
  assert.deepEqual(pull.type, { kind: 'string', enum: ['Always', 'Never', 'IfNotPresent'] });

  const containers = s.resolvePath('Deployment', ['spec', 'template', 'spec', 'containers'])!;
  assert.equal(typeLabel(containers.type), '[]Container');
  const container = s.resolvePath('Deployment', ['spec', 'template', 'spec', 'containers', 3])!;
  assert.equal(container.objectType?.name, 'V1Container');
  assert.equal(container.field?.name, 'containers');

  const label = s.resolvePath('Pod', ['metadata', 'labels', 'app'])!;
  assert.deepEqual(label.type, { kind: 'string' });
  assert.equal(label.field?.name, 'labels');
  assert.deepEqual(s.resolvePath('Pod', ['spec', 'containers', 0, 'resources', 'limits', { key: 'cpu' }])?.type, { kind: 'quantity' });
});

test('schema: resolvePath is undefined off the schema', () => {
  assert.equal(s.resolvePath('Pod', ['spec', 'contianers']), undefined);
  assert.equal(s.resolvePath('Pod', ['spec', 'containers', 'name']), undefined);
  assert.equal(s.resolvePath('Pod', ['spec', 'restartPolicy', 'x']), undefined);
  assert.equal(s.resolvePath('Service', []), undefined);
});

test('schema: int-or-string, quantities, timestamps and free-form fields keep their nature', () => {
  assert.equal(s.resolvePath('Pod', ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port'])?.type.kind, 'int-or-string');
  assert.equal(s.resolvePath('Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])?.type.kind, 'int-or-string');
  assert.equal(s.resolvePath('Pod', ['spec', 'volumes', 0, 'emptyDir', 'sizeLimit'])?.type.kind, 'quantity');
  assert.equal(s.resolvePath('Pod', ['spec', 'overhead', 'cpu'])?.type.kind, 'quantity');
  assert.equal(s.resolvePath('StatefulSet', ['spec', 'volumeClaimTemplates', 0, 'spec', 'resources', 'requests', 'storage'])?.type.kind, 'quantity');
  assert.equal(s.resolvePath('Pod', ['spec', 'containers', 0, 'env', 0, 'valueFrom', 'resourceFieldRef', 'divisor'])?.type.kind, 'quantity');
  assert.deepEqual(s.resolvePath('Pod', ['metadata', 'creationTimestamp'])?.type, { kind: 'string', format: 'date-time' });
  assert.equal(s.resolvePath('Pod', ['metadata', 'managedFields', 0, 'fieldsV1'])?.type.kind, 'any');
  assert.equal(s.resolvePath('Pod', ['spec', 'nodeSelector', 'disktype'])?.type.kind, 'string');
});

test('schema: displayName and typeLabel print Kubernetes names', () => {
  assert.equal(displayName('V1PodSpec'), 'PodSpec');
  assert.equal(displayName('CoreV1ResourceClaim'), 'ResourceClaim');
  assert.equal(typeLabel({ kind: 'map', itemType: { kind: 'quantity' } }), 'map[string]Quantity');
  assert.equal(typeLabel({ kind: 'integer', format: 'int64' }), 'integer (int64)');
});
