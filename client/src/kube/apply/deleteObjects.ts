// Delete as `kubectl delete -f` does: every object the file names, by apiVersion, kind, namespace and name, through
// the cluster facade's generic delete (propagation Background); one that is already gone is reported with the API
// server's message (`pods "web" not found`) and the rest are still deleted. The grace period applies to every object;
// undefined leaves each its own default.
import { describeConnectionError } from '../cluster/connectionError';
import { nameOf, type ObjectTarget } from './manifestTargets';
import type { ObjectTransport } from './objectTransport';
import { targetNamespaces } from './targetPlaces';

export interface DeleteOutcome {
  label: string;
  error?: string;
}

export async function deleteTargets(targets: readonly ObjectTarget[], transport: ObjectTransport, gracePeriodSeconds: number | undefined): Promise<DeleteOutcome[]> {
  const outcomes: DeleteOutcome[] = [];
  for (const t of targets) {
    const ref = { apiVersion: t.request.apiVersion, kind: t.kind ?? '', name: nameOf(t), namespace: t.request.namespace };
    try {
      await transport.deleteObject(ref, { gracePeriodSeconds });
      outcomes.push({ label: t.label });
    } catch (err) {
      outcomes.push({ label: t.label, error: describeConnectionError(err).message });
    }
  }
  return outcomes;
}

/** `Delete Pod/web, ConfigMap/settings in namespace "demo" with a grace period of 5s?` */
export function deleteQuestion(targets: readonly ObjectTarget[], contextName: string, gracePeriodSeconds: number | undefined): string {
  const where = targetNamespaces(targets);
  const how = gracePeriodSeconds === undefined ? '' : gracePeriodSeconds === 0 ? ' immediately (grace period 0)' : ` with a grace period of ${gracePeriodSeconds}s`;
  return `Delete ${targets.map((t) => t.label).join(', ')} (${where}) from context "${contextName}"${how}?`;
}
