// Which containers of a pod have logs to show, and whether a previous instance's log exists for them. Pure, so the
// quick picks offer only choices that can work: "previous" only for a container that restarted or terminated.
import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';

export interface ContainerChoice {
  name: string;
  kind: 'init' | 'sidecar' | 'app' | 'ephemeral';
  /** A previous instance exists (restarted, or the current one terminated), so `previous` can be asked for. */
  hasPrevious: boolean;
  /** Short state for the quick pick: Running, Waiting: CrashLoopBackOff, Terminated: Completed … */
  state: string;
}

function stateText(s: V1ContainerStatus | undefined): string {
  const st = s?.state;
  if (st?.running) return 'Running';
  if (st?.waiting) return `Waiting${st.waiting.reason ? `: ${st.waiting.reason}` : ''}`;
  if (st?.terminated) return `Terminated${st.terminated.reason ? `: ${st.terminated.reason}` : ''}`;
  return 'no status';
}

export function hasPreviousInstance(s: V1ContainerStatus | undefined): boolean {
  return !!s && ((s.restartCount ?? 0) > 0 || !!s.lastState?.terminated);
}

/** Init containers (native sidecars marked), app containers, ephemeral containers: the order the pod runs them. */
export function containerChoices(pod: V1Pod): ContainerChoice[] {
  const status = pod.status;
  const find = (list: V1ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  const init = (pod.spec?.initContainers ?? []).map((c): ContainerChoice => {
    const s = find(status?.initContainerStatuses, c.name);
    return { name: c.name, kind: c.restartPolicy === 'Always' ? 'sidecar' : 'init', hasPrevious: hasPreviousInstance(s), state: stateText(s) };
  });
  const app = (pod.spec?.containers ?? []).map((c): ContainerChoice => {
    const s = find(status?.containerStatuses, c.name);
    return { name: c.name, kind: 'app', hasPrevious: hasPreviousInstance(s), state: stateText(s) };
  });
  const ephemeral = (pod.spec?.ephemeralContainers ?? []).map((c): ContainerChoice => {
    const s = find(status?.ephemeralContainerStatuses, c.name);
    return { name: c.name, kind: 'ephemeral', hasPrevious: hasPreviousInstance(s), state: stateText(s) };
  });
  return [...init, ...app, ...ephemeral];
}
