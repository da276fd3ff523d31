// The engine checks a document against the schema of the Kubernetes version it is given: a field one
// version added is an unknown field under an older one, and fine under its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chooseSchemaVersion, DEFAULT_SCHEMA_VERSION, defaultRegistry, defaultSchema, schemaFor, SCHEMA_VERSIONS, validateText,
} from '../../../server/src/engine';
import { EVICTION_RESPONDERS, SCHEDULING_GROUP, schedulingGroupPod } from '../../support/versionedFields';

const registry = defaultRegistry();
const unknownFields = (text: string, kubernetesVersion?: string) =>
  validateText(text, registry, kubernetesVersion ? { kubernetesVersion } : {}).filter((f) => f.code === 'unknown-field');

test('schemas: one per bundled version, newest first; the default is 1.36, the version the engine had alone', () => {
  assert.deepEqual(SCHEMA_VERSIONS, ['1.37', '1.36', '1.35', '1.34']);
  assert.equal(DEFAULT_SCHEMA_VERSION, '1.36');
  assert.equal(defaultSchema.version, '1.36');
  assert.equal(schemaFor('v1.35.4')?.version, '1.35');
  assert.equal(schemaFor('1.30'), undefined);
});

test('schemas: the fixtures\' fields are where the tests below assume (checked against the generated schemas)', () => {
  for (const { path, without, with: has } of [SCHEDULING_GROUP, EVICTION_RESPONDERS]) {
    const segments = path.split('.');
    assert.equal(schemaFor(without)!.resolvePath('Pod', segments), undefined, `${path} in ${without}`);
    assert.ok(schemaFor(has)!.resolvePath('Pod', segments), `${path} not in ${has}`);
  }
});

test('unknown-field: a field 1.36 added is unknown under 1.35, with the versions that have it, and fine under 1.36 and by default', () => {
  const old = unknownFields(schedulingGroupPod, SCHEDULING_GROUP.without);
  assert.deepEqual(old.map((f) => [f.path, f.message]), [[
    SCHEDULING_GROUP.path, `unknown field "${SCHEDULING_GROUP.path}" (not in the Kubernetes 1.35 schema; 1.36, 1.37 have it)`,
  ]]);
  assert.deepEqual(unknownFields(schedulingGroupPod, SCHEDULING_GROUP.with), []);
  assert.deepEqual(unknownFields(schedulingGroupPod), []);
});

test('unknown-field: a field only 1.37 has is unknown by default (1.36) and under 1.34, fine under 1.37', () => {
  const text = schedulingGroupPod.replace('  schedulingGroup: {podGroupName: g}\n', '  evictionResponders: [{name: acme.io/drain, priority: 1}]\n');
  assert.deepEqual(unknownFields(text).map((f) => f.message), [`unknown field "${EVICTION_RESPONDERS.path}" (not in the Kubernetes 1.36 schema; 1.37 has it)`]);
  assert.deepEqual(unknownFields(text, '1.34').map((f) => f.message), [`unknown field "${EVICTION_RESPONDERS.path}" (not in the Kubernetes 1.34 schema; 1.37 has it)`]);
  assert.deepEqual(unknownFields(text, EVICTION_RESPONDERS.with), []);
});

test('api-version: the message names the version checked against', () => {
  const text = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: "* * * * *", jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: busybox}], restartPolicy: Never}}}}}\n';
  const messages = (v: string) => validateText(text, registry, { kubernetesVersion: v }).filter((f) => f.code === 'api-version').map((f) => f.message);
  assert.deepEqual(messages('1.34'), ['no matches for kind "CronJob" in version "batch/v1beta1" (Kubernetes 1.34 serves CronJob as batch/v1)']);
  assert.deepEqual(messages('1.37'), ['no matches for kind "CronJob" in version "batch/v1beta1" (Kubernetes 1.37 serves CronJob as batch/v1)']);
});

test('validateText refuses a version with no bundled schema instead of guessing', () => {
  assert.throws(() => validateText(schedulingGroupPod, registry, { kubernetesVersion: '1.30' }), /no schema for Kubernetes 1\.30; bundled: 1\.37, 1\.36, 1\.35, 1\.34/);
});

test('chooseSchemaVersion: the exact layer\'s minor, else the setting, else the bundled cluster minor, else 1.36', () => {
  assert.equal(chooseSchemaVersion('auto', 'v1.35.2', '1.37'), '1.37');
  assert.equal(chooseSchemaVersion('1.34', 'v1.35.2'), '1.34');
  assert.equal(chooseSchemaVersion('v1.34.4'), '1.34');
  assert.equal(chooseSchemaVersion('1.30'), undefined);
  assert.equal(chooseSchemaVersion('auto', 'v1.35.2+k3s1'), '1.35');
  assert.equal(chooseSchemaVersion('auto', 'v1.29.0'), '1.36');
  assert.equal(chooseSchemaVersion('auto'), '1.36');
});
