// The READY, STATUS, RESTARTS and AGE columns exactly as `kubectl get pods` prints them. kubectl gets them from the
// API server's table printer, so this is a port of printPod in kubernetes v1.36.1
// pkg/printers/internalversion/printers.go (and duration.HumanDuration from apimachinery). Keep the branch order:
// the order IS the behaviour.
import type { V1Container, V1ContainerStatus, V1Pod, V1PodCondition } from '@kubernetes/client-node';

/** Reason the node lifecycle controller gives a pod on an unreachable node (k8s pkg/util/node). */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
const SCHEDULING_GATED = 'SchedulingGated';

export interface PodStatusSummary {
  /** The STATUS column: Running, Init:1/2, CrashLoopBackOff, Terminating, ... */
  status: string;
  readyContainers: number;
  /** App containers plus restartable init containers (sidecars). */
  totalContainers: number;
  restarts: number;
  /** When the most recent counted restart ended (ms since epoch), if the status says. */
  lastRestartMs: number | undefined;
  /** creationTimestamp in ms since epoch, if set. */
  createdMs: number | undefined;
}

/** A timestamp as client-node gives it: a Date from a typed list, an RFC 3339 string from raw JSON. */
export type Timestamp = Date | string | undefined | null;

export function toMs(t: Timestamp): number | undefined {
  if (t === undefined || t === null || t === '') return undefined;
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isRestartableInitContainer(c: V1Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

export function summarizePod(pod: V1Pod): PodStatusSummary {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initSpecs = spec?.initContainers ?? [];
  const initByName = new Map<string, V1Container>();
  let totalContainers = spec?.containers?.length ?? 0;
  for (const c of initSpecs) {
    initByName.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  const phase = status.phase ?? '';
  let reason = status.reason ? status.reason : phase;
  for (const cond of status.conditions ?? []) {
    if (cond.type === 'PodScheduled' && cond.reason === SCHEDULING_GATED) reason = SCHEDULING_GATED;
  }

  let readyContainers = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let sidecarRestarts = 0;
  let lastSidecarRestart: number | undefined;
  let initializing = false;

  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const restartable = isRestartableInitContainer(initByName.get(c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, lastTerminationFinished(c));
    if (restartable) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, lastTerminationFinished(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // Initialization failed.
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isConditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    let errorReason = '';
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, lastTerminationFinished(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated) {
        if (terminated.reason) reason = terminated.reason;
        else if (terminated.signal) reason = `Signal:${terminated.signal}`;
        else reason = `ExitCode:${terminated.exitCode ?? 0}`;
        if ((terminated.exitCode ?? 0) !== 0) errorReason = reason;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose last-listed container completed is still Running while another container runs.
    if (reason === 'Completed') {
      if (hasRunning && hasReadyCondition(status.conditions)) reason = 'Running';
      else if (errorReason !== '') reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    }
  }

  const deleting = pod.metadata?.deletionTimestamp !== undefined && pod.metadata?.deletionTimestamp !== null;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  return {
    status: reason,
    readyContainers,
    totalContainers,
    restarts,
    lastRestartMs: lastRestart,
    createdMs: toMs(pod.metadata?.creationTimestamp),
  };
}

/** The READY column, "1/2". */
export function readyColumn(s: PodStatusSummary): string {
  return `${s.readyContainers}/${s.totalContainers}`;
}

/** The RESTARTS column: "0", "3", or "3 (5m ago)". */
export function restartsColumn(s: PodStatusSummary, nowMs: number): string {
  if (s.restarts !== 0 && s.lastRestartMs !== undefined) return `${s.restarts} (${humanDuration(nowMs - s.lastRestartMs)} ago)`;
  return String(s.restarts);
}

/** The AGE column. */
export function ageColumn(s: PodStatusSummary, nowMs: number): string {
  return s.createdMs === undefined ? '<unknown>' : humanDuration(nowMs - s.createdMs);
}

/** "5m ago" from a timestamp, or `unknown` when there is none to read. */
export function timeAgo(t: Timestamp, nowMs: number, unknown: string): string {
  const ms = toMs(t);
  return ms === undefined ? unknown : `${humanDuration(nowMs - ms)} ago`;
}

/** Port of apimachinery duration.HumanDuration: ~2-3 significant figures ("45s", "3m20s", "5h12m", "3d4h", "2y30d"). */
export function humanDuration(ms: number): string {
  // Go truncates toward zero: int(d.Seconds()).
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** isPodInitializedConditionTrue: the first condition of the type decides. */
function isConditionTrue(conditions: V1PodCondition[] | undefined, type: string): boolean {
  const found = conditions?.find((c) => c.type === type);
  return found?.status === 'True';
}

/** hasPodReadyCondition: any Ready=True condition counts. */
function hasReadyCondition(conditions: V1PodCondition[] | undefined): boolean {
  return conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function lastTerminationFinished(c: V1ContainerStatus): number | undefined {
  return toMs(c.lastState?.terminated?.finishedAt as Timestamp);
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a;
  return a === undefined || a < b ? b : a;
}
