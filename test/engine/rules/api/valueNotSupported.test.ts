import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFinding, assertOnlyFinding, byCode } from '../../helpers';
import { deployment, documents, pod, podNamed } from '../../../support/manifests';

test('value-not-supported: pod-level enums keep the server order and offer a case fix', () => {
  const fs = byCode(pod`
    restartPolicy: always
    dnsPolicy: Cluster
    os: {name: Linux}
    containers: [{name: a, image: nginx}]
  `, 'value-not-supported');
  assert.equal(fs.length, 3);
  assertFinding(fs[0], { path: 'spec.restartPolicy', message: 'Unsupported value: "always": supported values: "Always", "OnFailure", "Never"', at: [4, 17, 4, 23] });
  assert.equal(fs[0]!.fixes?.[0]?.title, 'Change to "Always"');
  assert.equal(fs[0]!.fixes?.[0]?.edits[0]?.newText, 'Always');
  assertFinding(fs[1], { path: 'spec.dnsPolicy', message: 'Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"' });
  assert.equal(fs[1]!.fixes, undefined, 'no value differs from "Cluster" by case alone');
  // validateOS names `spec.os`, not `spec.os.name`, but we still point at the value.
  assertFinding(fs[2], { path: 'spec.os', message: 'Unsupported value: "Linux": supported values: "linux", "windows"', at: [6, 13, 6, 18] });
});

test('value-not-supported: container fields in a Deployment template, sorted lists for sets.List()', () => {
  const fs = byCode(deployment`
    containers:
    - name: a
      image: nginx
      imagePullPolicy: ifNotPresent
      terminationMessagePolicy: Logs
      ports: [{containerPort: 80, protocol: tcp}]
      volumeMounts: [{name: v, mountPath: /v, mountPropagation: "", recursiveReadOnly: enabled}]
      readinessProbe: {httpGet: {port: 80, scheme: http}}
    volumes: [{name: v, emptyDir: {}}]
  `, 'value-not-supported');
  const base = 'spec.template.spec.containers[0]';
  assert.deepEqual(fs.map((f) => [f.path, f.message]), [
    [`${base}.imagePullPolicy`, 'Unsupported value: "ifNotPresent": supported values: "Always", "IfNotPresent", "Never"'],
    [`${base}.terminationMessagePolicy`, 'Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"'],
    [`${base}.ports[0].protocol`, 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    // The server builds these two paths from the volumeMounts list, without the mount's index.
    [`${base}.volumeMounts.mountPropagation`, 'Unsupported value: "": supported values: "Bidirectional", "HostToContainer", "None"'],
    [`${base}.volumeMounts.recursiveReadOnly`, 'Unsupported value: "enabled": supported values: "Disabled", "Enabled", "IfPossible"'],
    [`${base}.readinessProbe.httpGet.scheme`, 'Unsupported value: "http": supported values: "HTTP", "HTTPS"'],
  ]);
  assertFinding(fs[2], { at: [13, 46, 13, 49] });
  assert.equal(fs[2]!.fixes?.[0]?.edits[0]?.newText, 'TCP');
});

test('value-not-supported: empty strings that the API server defaults pass; preemptionPolicy "" is Required', () => {
  assertOnlyFinding(pod`
    restartPolicy: ""
    dnsPolicy: ""
    preemptionPolicy: ""
    containers: [{name: a, image: nginx, imagePullPolicy: "", ports: [{containerPort: 80, protocol: ""}]}]
  `, 'value-not-supported', { path: 'spec.preemptionPolicy', message: 'Required value', at: [6, 20, 6, 22] });
});

test('value-not-supported: probe schemes of plain init containers are not validated (they are Forbidden); valid values pass', () => {
  assert.deepEqual(byCode(documents(pod`
    restartPolicy: OnFailure
    dnsPolicy: ClusterFirstWithHostNet
    preemptionPolicy: Never
    initContainers:
    - {name: i, image: busybox, livenessProbe: {httpGet: {port: 1, scheme: bogus}}}
    containers:
    - {name: a, image: nginx, imagePullPolicy: Always, ports: [{containerPort: 80, protocol: SCTP}]}
  `, podNamed('q')`
    containers: [{name: a, image: nginx, terminationMessagePolicy: FallbackToLogsOnError}]
  `), 'value-not-supported'), []);
});
