import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1ContainerState, V1Pod } from '@kubernetes/client-node';
import { execBlocker } from '../../../../client/src/kube/exec/execPreflight';

const pod = (state: V1ContainerState | undefined, phase = 'Running', extra: Partial<V1Pod['metadata']> = {}): V1Pod => ({
  metadata: { name: 'web', ...extra },
  spec: { containers: [{ name: 'app' }] },
  status: { phase, containerStatuses: state ? [{ name: 'app', image: 'x', imageID: '', ready: false, restartCount: 0, state }] : [] },
});

test('a running container has no blocker', () => {
  assert.equal(execBlocker(pod({ running: {} }), 'app'), undefined);
});

test('a waiting container says why', () => {
  assert.equal(
    execBlocker(pod({ waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } }), 'app'),
    'container "app" is not running (waiting: CrashLoopBackOff: back-off 5m0s restarting failed container)',
  );
});

test('a terminated container gives its reason or exit code', () => {
  assert.equal(execBlocker(pod({ terminated: { exitCode: 0, reason: 'Completed' } }), 'app'), 'container "app" is not running (terminated: Completed)');
  assert.equal(execBlocker(pod({ terminated: { exitCode: 2 } }), 'app'), 'container "app" is not running (terminated: exit code 2)');
});

test('no status yet: the phase decides', () => {
  assert.equal(execBlocker(pod(undefined, 'Pending'), 'app'), 'container "app" is not running: pod "web" is Pending');
  assert.equal(execBlocker(pod(undefined, 'Running'), 'app'), undefined);
});

test('a terminating pod that is no longer running', () => {
  assert.equal(execBlocker(pod({ running: {} }, 'Failed', { deletionTimestamp: new Date() }), 'app'), 'pod "web" is terminating');
});
