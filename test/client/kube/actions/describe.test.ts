import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { describePod, rfc1123z } from '../../../../client/src/kube/actions/describe';

const now = new Date('2026-01-02T03:10:00Z');
const started = new Date('2026-01-02T03:04:05Z');

const pod: V1Pod = {
  metadata: {
    name: 'web', namespace: 'demo', labels: { tier: 'front', app: 'web' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'hi' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d', uid: 'u', controller: true }],
  },
  spec: {
    priority: 0, serviceAccountName: 'default', nodeName: 'kwok-node-0',
    containers: [{
      name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }],
      env: [{ name: 'MODE', value: 'prod' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      resources: { limits: { memory: '128Mi', cpu: '500m' } },
    }],
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
  },
  status: {
    phase: 'Running', hostIP: '10.0.0.1', podIP: '10.0.0.7', podIPs: [{ ip: '10.0.0.7' }], startTime: started, qosClass: 'Burstable',
    conditions: [{ type: 'Ready', status: 'True' }],
    containerStatuses: [{
      name: 'app', image: 'nginx:1.27', imageID: 'sha', ready: true, restartCount: 2, containerID: 'kwok://1',
      state: { running: { startedAt: started } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: started, finishedAt: started } },
    }],
  },
};

const events: CoreV1Event[] = [
  { metadata: {}, involvedObject: {}, type: 'Warning', reason: 'BackOff', message: ' Back-off restarting ', count: 3,
    firstTimestamp: new Date('2026-01-02T03:05:00Z'), lastTimestamp: new Date('2026-01-02T03:09:00Z'), source: { component: 'kubelet', host: 'kwok-node-0' } },
  { metadata: {}, involvedObject: {}, type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned demo/web to kwok-node-0', count: 1,
    firstTimestamp: new Date('2026-01-02T03:04:00Z'), lastTimestamp: new Date('2026-01-02T03:04:00Z'), source: { component: 'default-scheduler' } },
];

test('the header block is aligned like kubectl describe', () => {
  const lines = describePod(pod, events, now).split('\n');
  assert.deepEqual(lines.slice(0, 5), [
    'Name:             web',
    'Namespace:        demo',
    'Priority:         0',
    'Service Account:  default',
    'Node:             kwok-node-0/10.0.0.1',
  ]);
  assert.ok(lines.includes('Start Time:       Fri, 02 Jan 2026 03:04:05 +0000'));
  assert.ok(lines.includes('Labels:           app=web'));
  assert.ok(lines.includes('                  tier=front'));
  assert.ok(lines.includes('Annotations:      note: hi'), 'last-applied-configuration is hidden');
  assert.ok(lines.includes('Controlled By:  ReplicaSet/web-7d'));
});

test('containers show state, last state, resources and environment', () => {
  const text = describePod(pod, events, now);
  assert.match(text, /\n {4}State: {10}Running\n {6}Started: {6}Fri, 02 Jan 2026 03:04:05 \+0000\n/);
  assert.match(text, /\n {4}Last State: {5}Terminated\n {6}Reason: {7}OOMKilled\n {6}Exit Code: {4}137\n/);
  assert.match(text, /\n {4}Restart Count: {2}2\n/);
  assert.match(text, /\n {4}Limits:\n {6}cpu: {5}500m\n {6}memory: {2}128Mi\n/);
  assert.match(text, /\n {6}MODE: {2}prod\n {6}POD: {3}web \(v1:metadata\.name\)\n/);
  // Adjacent to the env lines, so aligned with them, as kubectl's tabwriter does.
  assert.match(text, /\n {6}POD: {3}web \(v1:metadata\.name\)\n {4}Mounts: {2}<none>\n/);
  assert.match(text, /\nTolerations: {5}node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n/);
});

test('events are sorted by last time with kubectl ages and sources', () => {
  const text = describePod(pod, events, now);
  const table = text.slice(text.indexOf('Events:'));
  // Column widths: widest cell + 2 ('Warning', 'Scheduled', '60s (x3 over 5m)', 'kubelet, kwok-node-0').
  const row = (...cells: string[]) => '  ' + cells.slice(0, 4).map((c, i) => c.padEnd([7, 9, 16, 20][i] + 2)).join('') + cells[4];
  assert.equal(table, [
    'Events:',
    row('Type', 'Reason', 'Age', 'From', 'Message'),
    row('----', '------', '----', '----', '-------'),
    row('Normal', 'Scheduled', '6m', 'default-scheduler', 'Successfully assigned demo/web to kwok-node-0'),
    row('Warning', 'BackOff', '60s (x3 over 5m)', 'kubelet, kwok-node-0', 'Back-off restarting'),
    '',
  ].join('\n'));
});

test('no events, a terminating pod and an unscheduled one', () => {
  const terminating: V1Pod = {
    ...pod,
    metadata: { ...pod.metadata, deletionTimestamp: new Date('2026-01-02T03:09:00Z'), deletionGracePeriodSeconds: 30 },
    spec: { ...pod.spec!, nodeName: undefined },
  };
  const text = describePod(terminating, [], now);
  assert.match(text, /\nStatus: +Terminating \(lasts 60s\)\nTermination Grace Period: +30s\n/);
  assert.match(text, /\nNode: +<none>\n/);
  assert.ok(text.endsWith('Events:                   <none>\n') || /\nEvents: +<none>\n$/.test(text));
});

test('RFC1123Z in UTC', () => {
  assert.equal(rfc1123z('2026-07-04T23:59:58Z'), 'Sat, 04 Jul 2026 23:59:58 +0000');
});

test('events sort as kubectl 1.36 sorts them: by lastTimestamp alone, an event with only eventTime first', () => {
  // As on the local cluster: the scheduler's event carries only a microsecond eventTime, later than the
  // whole-second lastTimestamp of kwok's BackOff, yet kubectl lists it first (its lastTimestamp is zero).
  const mixed: CoreV1Event[] = [
    { metadata: {}, involvedObject: {}, type: 'Warning', reason: 'BackOff', message: 'Back-off', count: 1,
      firstTimestamp: new Date('2026-01-02T03:04:00Z'), lastTimestamp: new Date('2026-01-02T03:04:00Z'), source: { component: 'kubelet' } },
    { metadata: {}, involvedObject: {}, type: 'Normal', reason: 'Scheduled', message: 'assigned',
      eventTime: new Date('2026-01-02T03:04:00.500Z'), source: { component: 'default-scheduler' } },
  ];
  const text = describePod(pod, mixed, now);
  const reasons = text.slice(text.indexOf('Events:')).split('\n').slice(3).filter(Boolean).map((l) => l.trim().split(/\s+/)[1]);
  assert.deepEqual(reasons, ['Scheduled', 'BackOff']);
});
