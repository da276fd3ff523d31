// Which icon and colour a pod or container gets. Keyed on the kubectl STATUS string (see podStatus.ts), so what the
// tree colours red is exactly what `kubectl get pods` shows as a failure. Icons are codicon ids, colours theme color
// ids; the VS Code glue turns them into ThemeIcon/ThemeColor.
import type { V1ContainerStatus } from '@kubernetes/client-node';
import type { PodStatusSummary } from '../pod/podStatus';

export type PodHealth =
  | 'ready' | 'notReady' | 'pending' | 'creating' | 'initializing' | 'crashLoop' | 'imagePull' | 'oomKilled' | 'error'
  | 'completed' | 'terminating' | 'evicted' | 'unknown' | 'gated';

export interface IconSpec {
  id: string;
  color?: string;
}

const ICONS: Record<PodHealth, IconSpec> = {
  ready: { id: 'pass-filled', color: 'charts.green' },
  notReady: { id: 'warning', color: 'charts.yellow' },
  pending: { id: 'clock', color: 'charts.yellow' },
  creating: { id: 'loading~spin', color: 'charts.blue' },
  initializing: { id: 'loading~spin', color: 'charts.blue' },
  crashLoop: { id: 'debug-restart', color: 'charts.red' },
  imagePull: { id: 'cloud-download', color: 'charts.red' },
  oomKilled: { id: 'flame', color: 'charts.red' },
  error: { id: 'error', color: 'charts.red' },
  completed: { id: 'check', color: 'disabledForeground' },
  terminating: { id: 'trash', color: 'charts.orange' },
  evicted: { id: 'circle-slash', color: 'charts.orange' },
  unknown: { id: 'question', color: 'charts.purple' },
  gated: { id: 'debug-pause', color: 'charts.yellow' },
};

const IMAGE_PULL = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull', 'RegistryUnavailable', 'SignatureValidationFailed']);
const CREATING = new Set(['ContainerCreating', 'PodInitializing']);
const ERRORS = new Set([
  'Error', 'Failed', 'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PreStartHookError',
  'PostStartHookError', 'ContainerCannotRun', 'DeadlineExceeded', 'StartError', 'UnexpectedAdmissionError',
  'NodeAffinity', 'OutOfcpu', 'OutOfmemory', 'OutOfpods', 'Shutdown', 'Terminated',
]);

export function podHealth(s: PodStatusSummary): PodHealth {
  const status = s.status;
  if (status === 'Running') return s.readyContainers === s.totalContainers ? 'ready' : 'notReady';
  if (status === 'Terminating') return 'terminating';
  if (status.startsWith('Init:')) {
    const inner = status.slice('Init:'.length);
    return /^\d+\/\d+$/.test(inner) ? 'initializing' : reasonHealth(inner);
  }
  return reasonHealth(status);
}

function reasonHealth(reason: string): PodHealth {
  if (reason === 'NotReady') return 'notReady';
  if (reason === 'Pending') return 'pending';
  if (reason === 'SchedulingGated') return 'gated';
  if (CREATING.has(reason)) return 'creating';
  if (reason === 'CrashLoopBackOff') return 'crashLoop';
  if (IMAGE_PULL.has(reason)) return 'imagePull';
  if (reason === 'OOMKilled') return 'oomKilled';
  if (reason === 'Completed' || reason === 'Succeeded') return 'completed';
  if (reason === 'Evicted') return 'evicted';
  if (reason === 'Unknown' || reason === 'NodeLost' || reason === '') return 'unknown';
  if (ERRORS.has(reason) || /^(ExitCode|Signal):/.test(reason)) return 'error';
  // Any other waiting reason (e.g. a CNI or volume problem) is something the user must look at.
  return 'notReady';
}

export function podIcon(s: PodStatusSummary): IconSpec {
  return ICONS[podHealth(s)];
}

/** A container's own state, for its row under the pod. */
export function containerIcon(status: V1ContainerStatus | undefined): IconSpec {
  const state = status?.state;
  if (!status || !state) return { id: 'circle-outline', color: 'disabledForeground' };
  if (state.running) return status.ready ? ICONS.ready : ICONS.notReady;
  if (state.waiting) return ICONS[reasonHealth(state.waiting.reason ?? 'Pending')];
  const t = state.terminated;
  if (t) return (t.exitCode ?? 0) === 0 ? ICONS.completed : ICONS[t.reason === 'OOMKilled' ? 'oomKilled' : 'error'];
  return { id: 'circle-outline', color: 'disabledForeground' };
}
