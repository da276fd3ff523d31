// Deleting a pod: the choices offered (default grace period, a chosen one, force) and the API call each makes.
// Force is what `kubectl delete --force --grace-period=0` sends: grace period 0, so the API server removes the object
// at once without waiting for the kubelet to confirm the containers stopped.
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi } from '../cluster/clusterApi';

export type DeleteMode =
  | { kind: 'graceful' }
  | { kind: 'grace'; seconds: number }
  | { kind: 'force' };

export interface DeleteChoice {
  label: string;
  detail: string;
  mode: DeleteMode | 'askGrace';
}

export function deleteChoices(pod: V1Pod): DeleteChoice[] {
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  return [
    { label: 'Delete', detail: `Stop the containers gracefully (the pod's grace period: ${grace}s)`, mode: { kind: 'graceful' } },
    { label: 'Delete with grace period…', detail: 'Choose how many seconds the containers get to stop', mode: 'askGrace' },
    {
      label: 'Force delete',
      detail: 'Remove the pod object now (grace period 0), without waiting for the containers to stop',
      mode: { kind: 'force' },
    },
  ];
}

/** Validates the grace-period input box: undefined when fine, else the message to show. */
export function graceInputError(text: string): string | undefined {
  return /^\d{1,9}$/.test(text.trim()) ? undefined : 'Enter a whole number of seconds (0 or more)';
}

export function graceSecondsOf(mode: DeleteMode): number | undefined {
  switch (mode.kind) {
    case 'graceful': return undefined;
    case 'grace': return mode.seconds;
    case 'force': return 0;
  }
}

export function confirmationMessage(namespace: string, name: string, mode: DeleteMode): string {
  const how = mode.kind === 'force'
    ? ' immediately (force: the containers may still be running when the object is gone)'
    : mode.kind === 'grace' ? ` with a grace period of ${mode.seconds}s` : '';
  return `Delete pod "${name}" in namespace "${namespace}"${how}?`;
}

export async function deletePod(api: ClusterApi, namespace: string, name: string, mode: DeleteMode): Promise<void> {
  await api.deletePod(namespace, name, { gracePeriodSeconds: graceSecondsOf(mode) });
}
