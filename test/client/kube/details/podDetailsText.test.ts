// The details document's text, from a pod and its events: every container kind with its state, readiness, restarts
// and last termination; conditions, node, IPs, QoS, age, owner, labels; the events newest first; and the sections seam.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { renderPodDetails } from '../../../../client/src/kube/details/podDetailsText';
import type { DetailsSection } from '../../../../client/src/kube/details/detailsSection';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000);

function troubledPod(): V1Pod {
  return {
    metadata: {
      namespace: 'shop', name: 'api-7d9-x2', uid: 'u1', creationTimestamp: minutesAgo(90), labels: { tier: 'web', app: 'api' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'extra', uid: 'n' }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9', uid: 'r', controller: true }],
    },
    spec: {
      nodeName: 'node-a',
      initContainers: [{ name: 'migrate', image: 'migrate:1' }, { name: 'proxy', image: 'envoy:1', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'api:2' }],
      ephemeralContainers: [{ name: 'debugger-abcde', image: 'busybox' }],
    },
    status: {
      phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }], hostIP: '192.168.1.10', qosClass: 'Burstable',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: minutesAgo(89) },
        { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: minutesAgo(3) },
      ],
      initContainerStatuses: [
        { name: 'migrate', image: 'migrate:1', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: minutesAgo(89) } } },
        { name: 'proxy', image: 'envoy:1', imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: minutesAgo(89) } } },
      ],
      containerStatuses: [{
        name: 'app', image: 'api:2', imageID: '', ready: false, restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=app\npod=api' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: minutesAgo(2) } },
      }],
      ephemeralContainerStatuses: [{ name: 'debugger-abcde', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { running: { startedAt: minutesAgo(1) } } }],
    },
  };
}

function event(reason: string, type: string, minutes: number, message: string, count = 1): CoreV1Event {
  return {
    metadata: { namespace: 'shop', name: `api.${reason}` }, involvedObject: { kind: 'Pod', name: 'api-7d9-x2', namespace: 'shop' },
    reason, type, message, count, lastTimestamp: minutesAgo(minutes), source: { component: 'kubelet' },
  };
}

const target = (pod: V1Pod) => ({ contextName: 'prod', namespace: 'shop', name: 'api-7d9-x2', pod });

test('the details of a troubled pod: header, facts, every container kind, conditions and events', () => {
  const text = renderPodDetails({
    target: target(troubledPod()),
    liveness: 'live',
    events: [event('BackOff', 'Warning', 1, 'Back-off restarting failed container', 12), event('Pulled', 'Normal', 30, 'Successfully pulled image "api:2"')],
    nowMs: NOW,
  });
  assert.equal(text, [
    'Pod shop/api-7d9-x2 · context prod · live',
    '',
    'Status:     CrashLoopBackOff (phase Running)',
    'Node:       node-a',
    'Pod IPs:    10.0.0.5, fd00::5',
    'Host IP:    192.168.1.10',
    'QoS Class:  Burstable',
    'Age:        90m (created 2026-12-06T08:30:00Z)',
    'Owner:      ReplicaSet/api-7d9, Node/extra',
    'Labels:     app=api',
    '            tier=web',
    '',
    'Init Containers:',
    '  migrate:',
    '    Image:     migrate:1',
    '    State:     Terminated: Completed, exit code 0, finished 2026-12-06T08:31:00Z (89m ago)',
    '    Ready:     false',
    '    Restarts:  0',
    '  proxy (sidecar):',
    '    Image:     envoy:1',
    '    State:     Running since 2026-12-06T08:31:00Z (89m ago)',
    '    Ready:     true',
    '    Restarts:  0',
    '',
    'Containers:',
    '  app:',
    '    Image:             api:2',
    '    State:             Waiting: CrashLoopBackOff — back-off 2m40s restarting failed container=app pod=api',
    '    Ready:             false',
    '    Restarts:          5',
    '    Last Termination:  OOMKilled, exit code 137, finished 2026-12-06T09:58:00Z (2m ago)',
    '',
    'Ephemeral Containers:',
    '  debugger-abcde:',
    '    Image:     busybox',
    '    State:     Running since 2026-12-06T09:59:00Z (60s ago)',
    '    Restarts:  0',
    '',
    'Conditions:',
    '  Type         Status  Last Transition  Reason',
    '  Initialized  True    89m ago',
    '  Ready        False   3m ago           ContainersNotReady: containers with unready status: [app]',
    '',
    'Events (newest first):',
    '  Last Seen  Type     Reason   Count  From     Message',
    '  60s ago    Warning  BackOff  12     kubelet  Back-off restarting failed container',
    '  30m ago    Normal   Pulled   1      kubelet  Successfully pulled image "api:2"',
    '',
  ].join('\n'));
});

test('a pod with nothing reported yet says <none> and <no status yet>, never undefined', () => {
  const text = renderPodDetails({
    target: { contextName: 'c', namespace: 'n', name: 'p', pod: { metadata: { namespace: 'n', name: 'p' }, spec: { containers: [{ name: 'main' }] } } },
    liveness: 'live',
    events: [],
    nowMs: NOW,
  });
  assert.doesNotMatch(text, /undefined|NaN/);
  for (const line of ['Node:       <none>', 'Pod IPs:    <none>', 'QoS Class:  <none>', 'Age:        <unknown>', 'Owner:      <none>', 'Labels:     <none>']) {
    assert.ok(text.includes(`${line}\n`), line);
  }
  assert.match(text, / {2}main:\n {4}Image: {5}<none>\n {4}State: {5}<no status yet>\n {4}Ready: {5}<unknown>\n {4}Restarts: {2}0\n/);
  assert.match(text, /Conditions:\n {2}<none>\n/);
  assert.match(text, /Events \(newest first\):\n {2}<none>\n$/);
});

test('events that cannot be read are explained instead of listed as none', () => {
  const text = renderPodDetails({ target: target(troubledPod()), liveness: 'live', events: [], eventsNote: 'cannot list events: Forbidden', nowMs: NOW });
  assert.match(text, /Events \(newest first\):\n {2}cannot list events: Forbidden\n$/);
});

test('the sections seam: a registered section draws after the conditions, and leaves itself out when it has nothing', () => {
  const seen: string[] = [];
  const usage: DetailsSection = {
    title: 'Resource Usage',
    lines: (t) => { seen.push(`${t.contextName}/${t.namespace}/${t.name}`); return t.pod.status?.phase === 'Running' ? ['app  cpu 12m  memory 40Mi'] : undefined; },
  };
  const running = renderPodDetails({ target: target(troubledPod()), liveness: 'live', events: [], sections: [usage], nowMs: NOW });
  assert.match(running, /\n\nResource Usage:\n {2}app {2}cpu 12m {2}memory 40Mi\n\nEvents/);
  assert.ok(running.indexOf('Conditions:') < running.indexOf('Resource Usage:'));
  const pending = troubledPod();
  pending.status!.phase = 'Pending';
  assert.doesNotMatch(renderPodDetails({ target: target(pending), liveness: 'live', events: [], sections: [usage], nowMs: NOW }), /Resource Usage/);
  assert.deepEqual(seen, ['prod/shop/api-7d9-x2', 'prod/shop/api-7d9-x2']);
});
