import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { containerTooltip, md, podTooltip, shortState } from '../../../../client/src/kube/tree/podTooltip';
import { summarizePod } from '../../../../client/src/kube/pod/podStatus';

const NOW = Date.parse('2026-07-01T12:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000);

const pod: V1Pod = {
  metadata: { name: 'api-7f9', namespace: 'prod', creationTimestamp: ago(7200) },
  spec: {
    nodeName: 'node-a',
    initContainers: [{ name: 'migrate', image: 'migrate:1' }, { name: 'mesh', image: 'envoy:1', restartPolicy: 'Always' }],
    containers: [{ name: 'api', image: 'api:2' }],
  },
  status: {
    phase: 'Running', podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }, { ip: 'fd00::7' }], qosClass: 'Burstable',
    conditions: [
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [api]', lastTransitionTime: ago(95) },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: ago(7200) },
    ],
    initContainerStatuses: [
      { name: 'migrate', image: 'migrate:1', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: ago(7000) } } },
      { name: 'mesh', image: 'envoy:1', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: ago(7000) } } },
    ],
    containerStatuses: [{
      name: 'api', image: 'api:2', imageID: 'sha256:abc', ready: false, restartCount: 3,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=api' } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: ago(95) } },
    }],
  },
};

test('pod tooltip: status, node, IPs, QoS, conditions and every container with kind, state and last termination', () => {
  const text = podTooltip(pod, summarizePod(pod), NOW);
  assert.match(text, /^\*\*api\\-7f9\*\* — `CrashLoopBackOff`/);
  assert.match(text, /Namespace: `prod` · Node: `node-a` · IP: `10\.0\.0\.7, fd00::7` · QoS: `Burstable` · Phase: `Running`/);
  assert.match(text, /Created 2026-07-01T10:00:00\.000Z \(120m ago\)/);
  assert.match(text, /\| Ready \| False \| ContainersNotReady: containers with unready status: \\\[api\\\] \| 95s ago \|/);
  assert.match(text, /- `migrate` \*\(init\)\* — Terminated: Completed, exit code 0 \(116m ago\) · not ready/);
  assert.match(text, /- `mesh` \*\(sidecar\)\* — Running, started 116m ago · ready/);
  assert.match(text, /- `api` — Waiting: CrashLoopBackOff \(back\\-off 40s restarting failed container=api\) · not ready · restarts 3 · last termination: OOMKilled, exit code 137 \(95s ago\)/);
});

test('container tooltip names the image and image ID', () => {
  const text = containerTooltip(pod, 'api', 'app', NOW);
  assert.match(text, /Image: `api:2`/);
  assert.match(text, /Image ID: `sha256:abc`/);
  assert.match(containerTooltip({ ...pod, status: {} }, 'api', 'app', NOW), /no status yet/);
});

test('short container states', () => {
  assert.equal(shortState(pod.status!.containerStatuses![0]), 'CrashLoopBackOff');
  assert.equal(shortState(pod.status!.initContainerStatuses![0]), 'Completed (0)');
  assert.equal(shortState(pod.status!.initContainerStatuses![1]), 'Running');
  assert.equal(shortState({ name: 'x', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 143, signal: 15 } } }), 'Signal:15 (143)');
  assert.equal(shortState(undefined), 'no status');
});

test('text from the cluster cannot inject Markdown (links, HTML, tables)', () => {
  assert.equal(md('[click](http://x) <img> | *a*'), '\\[click\\]\\(http://x\\) \\<img\\> \\| \\*a\\*');
  const evil: V1Pod = { ...pod, status: { ...pod.status, message: '[pwn](command:workbench.action.quit)', reason: 'Evicted' } };
  assert.match(podTooltip(evil, summarizePod(evil), NOW), /Evicted: \\\[pwn\\\]\\\(command:workbench\\\.action\\\.quit\\\)/);
});
