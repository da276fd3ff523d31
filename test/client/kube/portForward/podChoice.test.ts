// The pod a Service or workload forward chooses: kubectl's order (k8s.io/kubectl pkg/util/podutils ActivePods,
// reversed: the most active first), one criterion at a time, and only pods that can serve are chosen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { V1Pod } from '@kubernetes/client-node';
import { byActivity, choosePod, lessActive } from '../../../../client/src/kube/portForward/podChoice';
import { forwardPod } from '../fakes/fakePodWatcher';

function withSidecarRestarts(pod: V1Pod, restarts: number): V1Pod {
  pod.spec!.initContainers = [{ name: 'proxy', restartPolicy: 'Always' }];
  pod.status!.initContainerStatuses = [{ name: 'proxy', restartCount: restarts, image: 'i', imageID: '', ready: true }];
  return pod;
}

// [more active, less active, the criterion of ActivePods.Less that decides]
const pairs: [V1Pod, V1Pod, string][] = [
  [forwardPod('assigned'), forwardPod('unassigned', { node: '' }), '1. assigned before unassigned'],
  [forwardPod('running', { ready: false }), forwardPod('unknown', { phase: 'Unknown', ready: false }), '2. Running before Unknown'],
  [forwardPod('unknown', { phase: 'Unknown', ready: false }), forwardPod('pending', { phase: 'Pending', ready: false }), '2. Unknown before Pending'],
  [forwardPod('ready'), forwardPod('not-ready', { ready: false }), '3. ready before not ready'],
  [forwardPod('staying', { readySince: 5 }), forwardPod('deleting', { readySince: 1, deleting: 9 }), '4. not deleting before deleting'],
  [forwardPod('deleted-later', { deleting: 20 }), forwardPod('deleted-earlier', { deleting: 10 }), '5. newer deletion before older'],
  [forwardPod('ready-longer', { readySince: 1_000 }), forwardPod('ready-lately', { readySince: 2_000 }), '6. ready longer first'],
  [forwardPod('ready-time', { readySince: 1_000 }), forwardPod('no-ready-time'), '6. a zero ready time sorts last'],
  [forwardPod('steady', { restarts: 1 }), forwardPod('flappy', { restarts: 3 }), '7. fewer restarts first'],
  [withSidecarRestarts(forwardPod('calm-sidecar'), 0), withSidecarRestarts(forwardPod('busy-sidecar'), 2), '7. then fewer sidecar restarts'],
  [forwardPod('older', { created: 1_000 }), forwardPod('newer', { created: 2_000 }), '8. older first'],
  [forwardPod('created', { created: 1_000 }), forwardPod('no-creation-time'), '8. a zero creation time sorts last'],
];

for (const [more, less, why] of pairs) {
  test(`kubectl's order: ${why}`, () => {
    assert.equal(lessActive(less, more), true);
    assert.equal(lessActive(more, less), false);
    assert.deepEqual(byActivity([less, more]).map((p) => p.metadata!.name), [more.metadata!.name, less.metadata!.name]);
    assert.deepEqual(byActivity([more, less]).map((p) => p.metadata!.name), [more.metadata!.name, less.metadata!.name]);
  });
}

test('the choice is the most active pod that can serve: Running, Ready, not being deleted', () => {
  const pods = [
    forwardPod('pending', { phase: 'Pending', ready: false }),
    forwardPod('not-ready', { ready: false, readySince: 1 }),
    forwardPod('deleting', { readySince: 1, deleting: 5 }),
    forwardPod('lately', { readySince: 3_000 }),
    forwardPod('longest', { readySince: 1_000 }),
  ];
  assert.equal(choosePod(pods)?.metadata?.name, 'longest');
  assert.equal(choosePod(pods.slice(0, 3)), undefined, 'none can serve');
  assert.equal(choosePod([forwardPod('succeeded', { phase: 'Succeeded' })]), undefined);
});
