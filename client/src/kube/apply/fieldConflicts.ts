// A server-side apply refused with 409 Conflict: fields another manager owns. The Status names each in a cause
// (reason FieldManagerConflict, field `.spec.containers[name="app"].image`, message `conflict with "kubectl-edit"
// using v1`); the manager is only in that message, so it is read from there — the one place the API puts it.
import type { ApiStatus } from '../cluster/apiRequest';

export interface FieldConflict {
  /** The field in the API server's notation, e.g. `.spec.containers[name="app"].image`. */
  field: string;
  /** The field manager that owns it, e.g. `kubectl-client-side-apply`; undefined when the cause did not say. */
  manager?: string;
  /** The cause's message, verbatim. */
  message: string;
}

export function isApplyConflict(status: ApiStatus | undefined): boolean {
  return status?.code === 409 && status.reason === 'Conflict';
}

export function conflictsOf(status: ApiStatus): FieldConflict[] {
  const causes = (status.details?.causes ?? []).filter((c) => c.reason === 'FieldManagerConflict');
  if (causes.length === 0) return [{ field: '', message: status.message ?? 'apply conflict' }];
  return causes.map((c) => ({
    field: c.field ?? '',
    manager: /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1],
    message: c.message ?? '',
  }));
}

/** `Pod/web: .spec.containers[name="app"].image is owned by "kubectl-edit"` — one line per conflicting field. */
export function describeConflicts(label: string, conflicts: readonly FieldConflict[]): string[] {
  return conflicts.map((c) => {
    const who = c.manager === undefined ? c.message : `is owned by "${c.manager}"`;
    return c.field ? `${label}: ${c.field} ${who}` : `${label}: ${who}`;
  });
}
