import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertFindings, assertOneFix, assertOnlyFinding, byCode, y } from '../../helpers';
import { pod } from '../../../support/manifests';

/** A one-container Pod; `containerBody` holds more container fields, indented by four spaces. */
const podWith = (containerBody: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: app', '    image: nginx', containerBody].join('\n');

test('invalid-type: a number where a string goes (env value) is an error at the value, worded like the API server, with a quote fix', () => {
  const f = assertOnlyFinding(podWith('    env: [{name: PORT, value: 8080}]'), 'invalid-type', {
    path: 'spec.containers[0].env[0].value', severity: 'error', at: [7, 30, 7, 34],
    message: 'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
  });
  assertOneFix(f, 'Quote as "8080"', [7, 30, 7, 34], '"8080"');
});

test('invalid-type: a boolean label value is rejected; YAML 1.1 booleans (yes/on) too, with a hint', () => {
  const fs = assertFindings(y`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: d
      labels:
        canary: true
        enabled: yes
        ok: "true"
    spec:
      selector: {matchLabels: {app: d}}
      template:
        metadata: {labels: {app: d}}
        spec:
          containers: [{name: a, image: x}]
  `, 'invalid-type', [
    {
      path: 'metadata.labels[canary]',
      message: 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
      at: [5, 12, 5, 16],
    },
    {
      path: 'metadata.labels[enabled]',
      message: 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string (kubectl reads YAML 1.1, where unquoted yes is a boolean; quote it to keep it a string)',
      at: [6, 13, 6, 16],
    },
  ]);
  assert.equal(fs[1]!.fixes?.[0]?.edits[0]?.newText, '"yes"');
});

test('invalid-type: a string where an integer goes, and a fraction or overflow in an int32', () => {
  const fs = byCode(podWith(y`
    ports:
    - containerPort: "80"
    - containerPort: 80.5
    - containerPort: 3000000000
  `.replace(/^/gm, '    ')), 'invalid-type');
  assert.equal(fs.length, 3);
  assertFinding(fs[0], {
    path: 'spec.containers[0].ports[0].containerPort',
    message: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    at: [8, 21, 8, 25],
  });
  assert.equal(fs[0]!.fixes, undefined);
  assertFinding(fs[1], { message: 'json: cannot unmarshal number 80.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32' });
  assertFinding(fs[2], { message: 'json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32' });
});

test('invalid-type: a map where a list goes, and a scalar where an object goes', () => {
  assertFindings(pod`
    containers:
      name: app
      image: nginx
    securityContext: restricted
  `, 'invalid-type', [
    {
      path: 'spec.containers',
      message: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      at: [5, 4, 5, 13],
    },
    {
      path: 'spec.securityContext',
      message: 'json: cannot unmarshal string into Go struct field PodSpec.spec.securityContext of type v1.PodSecurityContext',
      at: [7, 19, 7, 29],
    },
  ]);
});

test('invalid-type: int-or-string ports accept both; a boolean or fraction is rejected', () => {
  const text = podWith(y`
    livenessProbe: {httpGet: {port: http}}
    readinessProbe: {tcpSocket: {port: 8080}}
    startupProbe: {httpGet: {port: true}}
  `.replace(/^/gm, '    '));
  assertOnlyFinding(text, 'invalid-type', {
    path: 'spec.containers[0].startupProbe.httpGet.port',
    message: 'json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.startupProbe.httpGet.port of type int32 (expected an integer or a string)',
    at: [9, 35, 9, 39],
  });
});

test('invalid-type: quantities accept numbers and strings, not booleans or lists', () => {
  assertOnlyFinding(podWith(y`
    resources:
      limits: {cpu: 1, memory: 512Mi, nvidia.com/gpu: 1}
      requests: {cpu: 0.25, memory: [1Gi]}
  `.replace(/^/gm, '    ')), 'invalid-type', {
    path: 'spec.containers[0].resources.requests[memory]',
    message: 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\' (expected a quantity such as "500m" or 2, got array)',
    at: [9, 36, 9, 41],
  });
});

test('invalid-type: booleans accept YAML 1.1 spellings kubectl reads as booleans', () => {
  assertOnlyFinding(pod`
    hostNetwork: yes
    automountServiceAccountToken: off
    enableServiceLinks: "false"
    containers: [{name: a, image: x}]
  `, 'invalid-type', {
    path: 'spec.enableServiceLinks',
    message: 'json: cannot unmarshal string into Go struct field PodSpec.spec.enableServiceLinks of type bool',
    at: [6, 22, 6, 29],
  });
});

test('invalid-type: null values, timestamps and free-form fields are accepted', () => {
  assert.deepEqual(byCode(y`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      creationTimestamp: null
      labels:
      managedFields:
      - manager: kubectl
        operation: Update
        time: 2024-05-01T10:00:00Z
        fieldsV1: {f:metadata: {f:labels: {}}}
    spec:
      nodeSelector:
      containers:
      - name: a
        image: x
        args: ["--port", "8080"]
        securityContext:
    status:
      startTime: "2024-05-01T10:00:00Z"
      conditions: [{type: Ready, status: "True", lastProbeTime: null}]
  `, 'invalid-type'), []);
});

test('invalid-type: values reached through an alias are checked once', () => {
  assertOnlyFinding(pod`
    containers:
    - name: a
      image: x
      env: &env [{name: NUM, value: 1}]
    - name: b
      image: x
      env: *env
  `, 'invalid-type', { path: 'spec.containers[0].env[0].value', at: [7, 34, 7, 35] });
});
