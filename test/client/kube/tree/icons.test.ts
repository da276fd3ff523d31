import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerIcon, podHealth } from '../../../../client/src/kube/tree/icons';
import type { PodStatusSummary } from '../../../../client/src/kube/pod/podStatus';

const s = (status: string, ready = 1, total = 1): PodStatusSummary =>
  ({ status, readyContainers: ready, totalContainers: total, restarts: 0, lastRestartMs: undefined, createdMs: undefined });

test('every status the explorer distinguishes gets its own health', () => {
  const cases: [PodStatusSummary, string][] = [
    [s('Running'), 'ready'], [s('Running', 1, 2), 'notReady'], [s('NotReady'), 'notReady'], [s('Pending', 0), 'pending'],
    [s('ContainerCreating', 0), 'creating'], [s('PodInitializing', 0), 'creating'], [s('Init:1/3', 0), 'initializing'],
    [s('Init:CrashLoopBackOff', 0), 'crashLoop'], [s('Init:Error', 0), 'error'], [s('Init:ExitCode:2', 0), 'error'],
    [s('CrashLoopBackOff', 0), 'crashLoop'], [s('ImagePullBackOff', 0), 'imagePull'], [s('ErrImagePull', 0), 'imagePull'],
    [s('OOMKilled', 0), 'oomKilled'], [s('Error', 0), 'error'], [s('Signal:9', 0), 'error'], [s('Completed', 0), 'completed'],
    [s('Terminating'), 'terminating'], [s('Evicted', 0), 'evicted'], [s('Unknown'), 'unknown'], [s('NodeLost'), 'unknown'],
    [s('SchedulingGated', 0), 'gated'], [s('CreateContainerConfigError', 0), 'error'],
  ];
  for (const [summary, health] of cases) assert.equal(podHealth(summary), health, summary.status);
});

test('container icons follow the container state', () => {
  const base = { name: 'c', image: '', imageID: '', restartCount: 0 };
  assert.equal(containerIcon({ ...base, ready: true, state: { running: {} } }).color, 'charts.green');
  assert.equal(containerIcon({ ...base, ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }).id, 'debug-restart');
  assert.equal(containerIcon({ ...base, ready: false, state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }).id, 'flame');
  assert.equal(containerIcon({ ...base, ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }).id, 'check');
  assert.equal(containerIcon(undefined).id, 'circle-outline');
});
