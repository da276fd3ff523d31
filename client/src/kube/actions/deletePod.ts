// Deleting pods (one, or several selected in the tree as `kubectl delete pod a b`): the choices offered (default grace
// period, a chosen one, force), the one confirmation that lists them, and the API call each makes.
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

export function deleteChoices(pods: V1Pod[]): DeleteChoice[] {
  const graces = [...new Set(pods.map((pod) => pod.spec?.terminationGracePeriodSeconds ?? 30))];
  const whose = pods.length === 1 ? "the pod's grace period" : graces.length === 1 ? "the pods' grace period" : 'each pod its own grace period';
  return [
    { label: 'Delete', detail: `Stop the containers gracefully (${whose}${graces.length === 1 ? `: ${graces[0]}s` : ''})`, mode: { kind: 'graceful' } },
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

export interface PodRef {
  namespace: string;
  name: string;
}

/** One pod by name and namespace; several as a list (namespace/name), so the user sees every pod the answer deletes. */
export function confirmationMessage(pods: PodRef[], mode: DeleteMode): string {
  const how = mode.kind === 'force'
    ? ' immediately (force: the containers may still be running when the object is gone)'
    : mode.kind === 'grace' ? ` with a grace period of ${mode.seconds}s` : '';
  if (pods.length === 1) return `Delete pod "${pods[0].name}" in namespace "${pods[0].namespace}"${how}?`;
  return `Delete these ${pods.length} pods${how}?\n\n${pods.map((p) => `${p.namespace}/${p.name}`).join('\n')}`;
}

export async function deletePod(api: ClusterApi, namespace: string, name: string, mode: DeleteMode): Promise<void> {
  await api.deletePod(namespace, name, { gracePeriodSeconds: graceSecondsOf(mode) });
}

export interface DeleteOutcome<T extends PodRef> {
  deleted: T[];
  failed: { pod: T; error: unknown }[];
}

/** Deletes each pod; like `kubectl delete pod a b`, one failure (already gone, forbidden) does not stop the others. */
export async function deletePods<T extends PodRef & { api: ClusterApi }>(pods: T[], mode: DeleteMode): Promise<DeleteOutcome<T>> {
  const results = await Promise.allSettled(pods.map((p) => deletePod(p.api, p.namespace, p.name, mode)));
  const outcome: DeleteOutcome<T> = { deleted: [], failed: [] };
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') outcome.deleted.push(pods[i]);
    else outcome.failed.push({ pod: pods[i], error: r.reason });
  });
  return outcome;
}
