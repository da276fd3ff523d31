import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { containerChoices, hasPreviousInstance } from '../../../../client/src/kube/pod/containers';

const pod: V1Pod = {
  spec: {
    initContainers: [{ name: 'migrate' }, { name: 'proxy', restartPolicy: 'Always' }],
    containers: [{ name: 'app' }, { name: 'idle' }],
    ephemeralContainers: [{ name: 'debugger' }],
  },
  status: {
    initContainerStatuses: [
      { name: 'migrate', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'proxy', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
    ],
    containerStatuses: [
      { name: 'app', image: '', imageID: '', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } },
    ],
  },
};

test('lists init (sidecars marked), app and ephemeral containers with their state', () => {
  assert.deepEqual(containerChoices(pod).map((c) => [c.name, c.kind, c.state, c.hasPrevious]), [
    ['migrate', 'init', 'Terminated: Completed', false],
    ['proxy', 'sidecar', 'Running', false],
    ['app', 'app', 'Waiting: CrashLoopBackOff', true],
    ['idle', 'app', 'no status', false],
    ['debugger', 'ephemeral', 'no status', false],
  ]);
});

test('a previous instance exists after a restart or a recorded termination', () => {
  assert.equal(hasPreviousInstance(undefined), false);
  assert.equal(hasPreviousInstance({ name: 'a', image: '', imageID: '', ready: false, restartCount: 1 }), true);
  assert.equal(hasPreviousInstance({ name: 'a', image: '', imageID: '', ready: false, restartCount: 0, lastState: { terminated: { exitCode: 2 } } }), true);
  assert.equal(hasPreviousInstance({ name: 'a', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0 } } }), false);
});
