// Tells a running copy that its pod is being deleted. The exec stream alone does not always say so: the kubelet ends
// it only when the grace period is over and the container is killed (then as a bare exit code or a dropped
// connection), and an exec server that runs commands outside the pod (kwok) never does. So the copy watches the pod
// itself, from the version it read when it started: a deletion that starts, or completes, during the copy ends it.
// A pod already terminating when the copy started is let be — rescuing files from it is a reason to copy.
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi, WatchHandle } from '../cluster/clusterApi';

const RESTART_MS = 1_000;

export interface PodDeletionWatch {
  stop(): void;
}

/** Calls `onDeleted` once if the pod is deleted (or its deletion starts) while the watch runs. */
export async function watchPodDeletion(
  api: Pick<ClusterApi, 'readPod' | 'watchPods'>, namespace: string, name: string, onDeleted: () => void,
): Promise<PodDeletionWatch> {
  let stopped = false;
  let handle: WatchHandle | undefined;
  let terminatingAtStart: boolean | undefined;
  const fire = () => { if (!stopped) { stopped = true; handle?.stop(); onDeleted(); } };
  const start = async (): Promise<void> => {
    let pod: V1Pod;
    try {
      pod = await api.readPod(namespace, name);
    } catch (err) {
      if ((err as { code?: number }).code === 404) fire();
      // Any other failure leaves the copy to its own outcome: the watch is an extra, not a gate.
      return;
    }
    const terminating = pod.metadata?.deletionTimestamp !== undefined;
    terminatingAtStart ??= terminating;
    if (terminating && !terminatingAtStart) fire();
    if (stopped) return;
    handle = api.watchPods({ namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: pod.metadata?.resourceVersion ?? '0' }, {
      onEvent: (type, object) => {
        const meta = (object as V1Pod).metadata;
        if (meta?.name !== name) return;
        if (type === 'DELETED' || (meta.deletionTimestamp !== undefined && !terminatingAtStart)) fire();
      },
      // A dropped watch is restarted from a fresh read: a deletion meanwhile then shows as a 404.
      onDone: () => { if (!stopped) setTimeout(() => void start(), RESTART_MS); },
    });
  };
  await start();
  return { stop() { stopped = true; handle?.stop(); } };
}
