// Which pod behind a Service or workload takes a new forwarded connection. The order is kubectl's: `kubectl
// port-forward svc/web` lists the selector's pods and takes the first by sort.Reverse(podutils.ActivePods)
// (k8s.io/kubectl pkg/polymorphichelpers attachablePodForObject → GetFirstPod; pkg/util/podutils ActivePods.Less).
// kubectl then binds that one pod for the life of the command; we choose again whenever the chosen pod stops serving,
// and only among pods that can serve at all (Running, Ready, not being deleted).
import type { V1Pod } from '@kubernetes/client-node';

/** A metav1.Time as it reaches us: a Date from client-node's models, a string from raw JSON; 0 is Go's zero time. */
type Time = Date | string | undefined;

function ms(t: Time): number {
  return t ? new Date(t).getTime() || 0 : 0;
}

export function isPodReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function isDeleting(pod: V1Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
}

function readyTime(pod: V1Pod): number {
  return ms(pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
}

/** podutils afterOrZero: a zero time sorts first, then the later one. */
function afterOrZero(a: number, b: number): boolean {
  return a === 0 || b === 0 ? a === 0 : a > b;
}

/** podutils maxContainerRestarts: the most restarts of an app container, then of a sidecar (restartPolicy Always). */
function maxRestarts(pod: V1Pod): [regular: number, sidecar: number] {
  const regular = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const sidecar = Math.max(0, ...(pod.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0));
  return [regular, sidecar];
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutils ActivePods.Less: true when `a` is less active than `b` (kubectl then takes the most active). */
export function lessActive(a: V1Pod, b: V1Pod): boolean {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  // 2. Pending < Unknown < Running (other phases rank as Go's map zero value, like Pending).
  const phaseA = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  // 3. Not ready < ready.
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  // 4. Deleting < not deleting; 5. older deletion < newer deletion.
  if (isDeleting(a) !== isDeleting(b)) return isDeleting(a);
  if (isDeleting(a) && isDeleting(b)) {
    const delA = ms(a.metadata?.deletionTimestamp);
    const delB = ms(b.metadata?.deletionTimestamp);
    if (delA !== delB) return delA < delB;
  }
  // 6. Ready for less time < ready for more time.
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  // 7. More restarts < fewer restarts (app containers, then sidecars).
  const [regA, sideA] = maxRestarts(a);
  const [regB, sideB] = maxRestarts(b);
  if (regA !== regB) return regA > regB;
  if (sideA !== sideB) return sideA > sideB;
  // 8. No creation time < newer < older.
  const createdA = ms(a.metadata?.creationTimestamp);
  const createdB = ms(b.metadata?.creationTimestamp);
  if (createdA !== createdB) return afterOrZero(createdA, createdB);
  return false;
}

/** Most active first, as kubectl sorts before taking the first. */
export function byActivity(pods: Iterable<V1Pod>): V1Pod[] {
  return [...pods].sort((a, b) => (lessActive(b, a) ? -1 : lessActive(a, b) ? 1 : 0));
}

/** A pod a new connection may go to: Running, Ready (its readiness probe passes), not being deleted. */
export function servesNewConnections(pod: V1Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod) && !isDeleting(pod);
}

/** The pod kubectl would choose among those that can serve; undefined when none can. */
export function choosePod(pods: Iterable<V1Pod>): V1Pod | undefined {
  return byActivity(pods).find(servesNewConnections);
}
