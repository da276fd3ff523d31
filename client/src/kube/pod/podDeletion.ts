// Tells a running copy, exec or attach that its pod is being deleted. The stream alone does not always say so: the
// kubelet ends it only when the grace period is over and the container is killed (then as a bare exit code or a
// dropped connection), and a server that runs execs outside the pod or attaches to a file (kwok) never does. So the
// session watches the pod itself, from the version it read when it started: a deletion that starts, or completes,
// while it runs is reported. A pod already terminating at the start only counts once it is gone — rescuing files
// from it, or watching its last words, is a reason to connect.
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi, WatchHandle } from '../cluster/clusterApi';

const RESTART_MS = 1_000;

/** `started`: the pod has a deletionTimestamp (its containers get their grace period); `gone`: it is removed. */
export type PodDeletionStage = 'started' | 'gone';

export interface PodDeletionWatch {
  stop(): void;
}

export interface PodDeletionOptions {
  /** Keep watching after `started` and report `gone` too (a terminal shows the process's last output meanwhile). */
  untilGone?: boolean;
}

/**
 * Calls `onDeleted` when the pod's deletion starts or completes while the watch runs: once (either stage) by default,
 * or with `untilGone` for `started` and then `gone` (a force delete goes straight to `gone`).
 */
export async function watchPodDeletion(
  api: Pick<ClusterApi, 'readPod' | 'watchPods'>, namespace: string, name: string,
  onDeleted: (stage: PodDeletionStage) => void, options: PodDeletionOptions = {},
): Promise<PodDeletionWatch> {
  let stopped = false;
  let started = false;
  let handle: WatchHandle | undefined;
  let terminatingAtStart: boolean | undefined;
  const stop = () => { stopped = true; handle?.stop(); };
  const fire = (stage: PodDeletionStage) => {
    if (stopped || (stage === 'started' && started)) return;
    started = true;
    if (stage === 'gone' || !options.untilGone) stop();
    onDeleted(stage);
  };
  const start = async (): Promise<void> => {
    let pod: V1Pod;
    try {
      pod = await api.readPod(namespace, name);
    } catch (err) {
      if ((err as { code?: number }).code === 404) fire('gone');
      // Any other failure leaves the session to its own outcome: the watch is an extra, not a gate.
      return;
    }
    const terminating = pod.metadata?.deletionTimestamp !== undefined;
    terminatingAtStart ??= terminating;
    if (terminating && !terminatingAtStart) fire('started');
    if (stopped) return;
    handle = api.watchPods({ namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: pod.metadata?.resourceVersion ?? '0' }, {
      onEvent: (type, object) => {
        const meta = (object as V1Pod).metadata;
        if (meta?.name !== name) return;
        if (type === 'DELETED') fire('gone');
        else if (meta.deletionTimestamp !== undefined && !terminatingAtStart) fire('started');
      },
      // A dropped watch is restarted from a fresh read: a deletion meanwhile then shows as a 404.
      onDone: () => { if (!stopped) setTimeout(() => void start(), RESTART_MS); },
    });
  };
  await start();
  return { stop };
}
