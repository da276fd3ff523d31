// Pod statuses as a kubelet would report them, for the states kwok's stages cannot reach. Every
// timestamp is the pod's creationTimestamp, so re-seeding writes identical bytes and is a no-op.
import type { ManualState, SeedContainer, SeedWorkload } from './plan';

type Obj = Record<string, unknown>;

function condition(type: string, ok: boolean, at: string, reason?: string, message?: string): Obj {
  return { type, status: ok ? 'True' : 'False', lastTransitionTime: at, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

function containerStatus(c: SeedContainer, state: Obj, ready: boolean, started: boolean): Obj {
  return { name: c.name, image: c.image, imageID: '', ready, started, restartCount: 0, state };
}

const running = (at: string): Obj => ({ running: { startedAt: at } });
const waiting = (reason: string, message?: string): Obj => ({ waiting: { reason, ...(message ? { message } : {}) } });

function names(cs: readonly SeedContainer[]): string {
  return `[${cs.map((c) => c.name).join(' ')}]`;
}

function notReadyConditions(w: SeedWorkload, at: string, initialized: boolean): Obj[] {
  const unready = `containers with unready status: ${names(w.containers)}`;
  return [
    condition('PodReadyToStartContainers', true, at),
    initialized
      ? condition('Initialized', true, at)
      : condition('Initialized', false, at, 'ContainersNotInitialized', `containers with incomplete status: ${names(w.initContainers ?? [])}`),
    condition('Ready', false, at, 'ContainersNotReady', unready),
    condition('ContainersReady', false, at, 'ContainersNotReady', unready),
    condition('PodScheduled', true, at),
  ];
}

/** What a pod placed on a node reports as soon as its sandbox runs: its IP and start time. */
const onNode = (ip: string, at: string): Obj => ({ podIP: ip, podIPs: [{ ip }], startTime: at });

function waitingPod(w: SeedWorkload, at: string, ip: string, reason: string, message?: string): Obj {
  return {
    phase: 'Pending',
    conditions: notReadyConditions(w, at, true),
    ...onNode(ip, at),
    containerStatuses: w.containers.map((c) => containerStatus(c, waiting(reason, message?.replace('$IMAGE', c.image)), false, false)),
  };
}

export function manualStatus(state: ManualState, w: SeedWorkload, at: string, ip: string): Obj {
  switch (state) {
    case 'Running':
      return {
        phase: 'Running',
        conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((t) => condition(t, true, at)),
        ...onNode(ip, at),
        containerStatuses: w.containers.map((c) => containerStatus(c, running(at), true, true)),
      };
    case 'Init:0/1':
      return {
        phase: 'Pending',
        conditions: notReadyConditions(w, at, false),
        ...onNode(ip, at),
        initContainerStatuses: (w.initContainers ?? []).map((c) => containerStatus(c, running(at), false, true)),
        containerStatuses: w.containers.map((c) => containerStatus(c, waiting('PodInitializing'), false, false)),
      };
    case 'ImagePullBackOff':
      return waitingPod(w, at, ip, 'ImagePullBackOff', 'Back-off pulling image "$IMAGE"');
    case 'ContainerCreating':
      return waitingPod(w, at, ip, 'ContainerCreating');
    case 'Error':
      return {
        phase: 'Failed',
        conditions: notReadyConditions(w, at, true),
        ...onNode(ip, at),
        containerStatuses: w.containers.map((c) =>
          containerStatus(c, { terminated: { exitCode: 1, reason: 'Error', startedAt: at, finishedAt: at } }, false, false),
        ),
      };
    case 'Evicted':
      // An evicted pod keeps no container statuses; kubectl then shows status.reason.
      return {
        phase: 'Failed',
        reason: 'Evicted',
        message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 51200Ki. ',
        startTime: at,
      };
  }
}
