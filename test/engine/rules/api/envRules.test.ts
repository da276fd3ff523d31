import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, byCode } from '../../helpers';
import { pod, deployment } from '../../../support/manifests';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

test('env-name-invalid: relaxed names (1.36) accept any printable ASCII but "="; empty is Required', () => {
  const fs = byCode(pod`
    containers:
    - name: a
      image: nginx
      env:
      - {name: "", value: x}
      - {name: "A=B"}
      - {name: "1 weird.name:ok", value: fine}
      - {name: "tab\there"}
      envFrom:
      - {prefix: "X=", configMapRef: {name: cm}}
  `, 'env-name-invalid');
  const relaxed = "a valid environment variable name must consist only of printable ASCII characters other than '='";
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    ['spec.containers[0].env[0].name', 'Required value'],
    ['spec.containers[0].env[1].name', `Invalid value: "A=B": ${relaxed}`],
    ['spec.containers[0].env[3].name', `Invalid value: "tab\\there": ${relaxed}`],
    ['spec.containers[0].envFrom[0].prefix', `Invalid value: "X=": ${relaxed}`],
  ]);
  assertFinding(fs[0], { at: [8, 13, 8, 15] });
  assertFinding(fs[1], { at: [9, 13, 9, 18] });
});

test('env-source-invalid: valueFrom needs exactly one source and no value', () => {
  const fs = byCode(deployment`
    containers:
    - name: a
      image: nginx
      env:
      - name: A
        value: v
        valueFrom: {fieldRef: {fieldPath: metadata.name}}
      - name: B
        valueFrom: {}
      - name: C
        valueFrom:
          fieldRef: {fieldPath: metadata.name}
          secretKeyRef: {name: s, key: k}
  `, 'env-source-invalid');
  const env = 'spec.template.spec.containers[0].env';
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    [`${env}[0].valueFrom`, 'Invalid value: "": may not be specified when `value` is not empty'],
    [`${env}[1].valueFrom`, 'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`'],
    [`${env}[2].valueFrom`, 'Invalid value: "": may not have more than one field specified at a time'],
  ]);
  assertFinding(fs[0], { at: [14, 10, 14, 19] });
  assertFinding(fs[2], { at: [20, 12, 20, 24] });
});

test('env-source-invalid: key selectors, fieldRef paths, fileKeyRef volumes and envFrom sources', () => {
  const fs = byCode(pod`
    volumes: [{name: cfg, configMap: {name: c}}]
    containers:
    - name: a
      image: nginx
      env:
      - {name: D, valueFrom: {configMapKeyRef: {name: Bad_Name, key: "bad key"}}}
      - {name: E, valueFrom: {fieldRef: {fieldPath: spec.restartPolicy}}}
      - {name: F, valueFrom: {fieldRef: {fieldPath: metadata.foo}}}
      - {name: G, valueFrom: {secretKeyRef: {key: k}}}
      - {name: H, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
      - {name: I, valueFrom: {fileKeyRef: {volumeName: cfg, path: env, key: K}}}
      envFrom:
      - {}
      - {configMapRef: {name: cm}, secretRef: {name: s}}
      - {configMapRef: {name: "prefix-"}}
  `, 'env-source-invalid');
  const c = 'spec.containers[0]';
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    [`${c}.env[0].valueFrom.configMapKeyRef.name`, `Invalid value: "Bad_Name": ${SUBDOMAIN}`],
    [`${c}.env[0].valueFrom.configMapKeyRef.key`, "Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"],
    [`${c}.env[1].valueFrom.fieldRef.fieldPath`, 'Unsupported value: "spec.restartPolicy": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"'],
    [`${c}.env[2].valueFrom.fieldRef.fieldPath`, 'Invalid value: "metadata.foo": error converting fieldPath: field label not supported: metadata.foo'],
    [`${c}.env[3].valueFrom.secretKeyRef.name`, `Invalid value: "": ${SUBDOMAIN}`],
    [`${c}.env[5].valueFrom.fileKeyRef.volumeName`, 'Invalid value: "cfg": referenced volume must be of type emptyDir'],
    // ValidateEnvFrom reports these against the list, without the entry's index.
    [`${c}.envFrom`, 'Invalid value: "": must specify one of: `configMapRef` or `secretRef`'],
    [`${c}.envFrom`, 'Invalid value: "": may not have more than one field specified at a time'],
  ], 'a configMapRef name may end in "-" (validated as a prefix)');
  assertFinding(fs[4], { at: [12, 42, 12, 50] });
});
