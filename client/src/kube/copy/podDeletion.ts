// Tells a running copy that its pod was deleted. The exec stream alone does not always say so: the kubelet ends it
// only when the container is killed, and an exec server that runs commands outside the pod (kwok) never does. So the
// copy watches the pod itself, from the version it read when it started.
import type { ClusterApi, WatchHandle } from '../cluster/clusterApi';

const RESTART_MS = 1_000;

export interface PodDeletionWatch {
  stop(): void;
}

/** Calls `onDeleted` once if the pod is deleted (or already gone) while the watch runs. */
export async function watchPodDeletion(
  api: Pick<ClusterApi, 'readPod' | 'watchPods'>, namespace: string, name: string, onDeleted: () => void,
): Promise<PodDeletionWatch> {
  let stopped = false;
  let handle: WatchHandle | undefined;
  const fire = () => { if (!stopped) { stopped = true; handle?.stop(); onDeleted(); } };
  const start = async (): Promise<void> => {
    let resourceVersion: string;
    try {
      resourceVersion = (await api.readPod(namespace, name)).metadata?.resourceVersion ?? '0';
    } catch (err) {
      if ((err as { code?: number }).code === 404) fire();
      // Any other failure leaves the copy to its own outcome: the watch is an extra, not a gate.
      return;
    }
    if (stopped) return;
    handle = api.watchPods({ namespace, fieldSelector: `metadata.name=${name}`, resourceVersion }, {
      onEvent: (type) => { if (type === 'DELETED') fire(); },
      // A dropped watch is restarted from a fresh read: a deletion meanwhile then shows as a 404.
      onDone: () => { if (!stopped) setTimeout(() => void start(), RESTART_MS); },
    });
  };
  await start();
  return { stop() { stopped = true; handle?.stop(); } };
}
