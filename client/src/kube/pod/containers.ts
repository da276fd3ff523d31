// A pod's containers: which, in which order, of which kind, in which state. The one answer the tree, its tooltips,
// the quick picks and the exec preflight all use. Pure, so the quick picks offer only choices that can work:
// "previous" only for a container that restarted or terminated.
import type { V1Container, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { isRestartableInitContainer } from './podStatus';
import type { ContainerKind } from './targets';

export interface PodContainer {
  name: string;
  kind: ContainerKind;
  spec: Pick<V1Container, 'name' | 'image' | 'stdin' | 'tty'>;
  /** undefined until the kubelet reports the container. */
  status: V1ContainerStatus | undefined;
}

export interface ContainerChoice {
  name: string;
  kind: ContainerKind;
  /** A previous instance exists (restarted, or the current one terminated), so `previous` can be asked for. */
  hasPrevious: boolean;
  /** Short state for the quick pick: Running, Waiting: CrashLoopBackOff, Terminated: Completed … */
  state: string;
}

/** Init containers (native sidecars marked), app containers, ephemeral containers: the order the pod runs them. */
export function podContainers(pod: V1Pod): PodContainer[] {
  const spec = pod.spec;
  const status = pod.status;
  const find = (list: V1ContainerStatus[] | undefined, name: string) => list?.find((s) => s.name === name);
  return [
    ...(spec?.initContainers ?? []).map((c): PodContainer => ({
      name: c.name, kind: isRestartableInitContainer(c) ? 'sidecar' : 'init', spec: c, status: find(status?.initContainerStatuses, c.name),
    })),
    ...(spec?.containers ?? []).map((c): PodContainer => ({ name: c.name, kind: 'app', spec: c, status: find(status?.containerStatuses, c.name) })),
    ...(spec?.ephemeralContainers ?? []).map((c): PodContainer => ({
      name: c.name, kind: 'ephemeral', spec: c, status: find(status?.ephemeralContainerStatuses, c.name),
    })),
  ];
}

/** The container of that name (app containers first, as containerStatus looks them up). */
export function podContainer(pod: V1Pod, name: string, kind?: ContainerKind): PodContainer | undefined {
  const all = podContainers(pod).filter((c) => c.name === name && (!kind || c.kind === kind));
  return all.find((c) => c.kind === 'app') ?? all[0];
}

/** The container's status; `kind` picks among same-named containers of different kinds, else app ones come first. */
export function containerStatus(pod: V1Pod, name: string, kind?: ContainerKind): V1ContainerStatus | undefined {
  const s = pod.status;
  const lists = kind === 'init' || kind === 'sidecar' ? [s?.initContainerStatuses]
    : kind === 'app' ? [s?.containerStatuses]
    : kind === 'ephemeral' ? [s?.ephemeralContainerStatuses]
    : [s?.containerStatuses, s?.initContainerStatuses, s?.ephemeralContainerStatuses];
  for (const list of lists) {
    const found = list?.find((c) => c.name === name);
    if (found) return found;
  }
  return undefined;
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

/** The pod's containers as log and exec pickers offer them. */
export function containerChoices(pod: V1Pod): ContainerChoice[] {
  return podContainers(pod).map((c) => ({ name: c.name, kind: c.kind, hasPrevious: hasPreviousInstance(c.status), state: stateText(c.status) }));
}
