// Apply as `kubectl apply --server-side --field-manager=podscope` does, behind a dry run: every object is first sent
// with dryRun=All (admission, defaulting, validation, conflict detection; nothing stored). Only when the whole file
// passes is anything stored, so a refused object never leaves the others half-applied. The dry run's result, beside
// the live object, is what the diff shows; a conflict with another field manager is reported, and force is sent only
// when the user chose it.
import { ApiRequestError, statusOf } from '../cluster/apiRequest';
import { writeQuery } from '../dryRun/dryRunRequest';
import { statusFindings, type DryRunObjectResult } from '../dryRun/dryRunValidate';
import { conflictsOf, isApplyConflict, type FieldConflict } from './fieldConflicts';
import type { ObjectTarget } from './manifestTargets';
import { changedFields } from './objectDiff';
import { isPodUpdateRefusal, podUpdateFindings } from './podUpdate';
import { isAccessRefusal, isSuccess, readLive, resourceVersionOf, targetPath, type KubeObject, type ObjectTransport } from './objectTransport';

export interface ApplyPreview {
  target: ObjectTarget;
  /** The object as it is now; undefined when the apply would create it. */
  live?: KubeObject;
  /** What the dry run says the object would become (undefined when refused or in conflict). */
  result?: KubeObject;
  /** Fields whose value would change (empty for an unchanged object). */
  changes: string[];
  conflicts: FieldConflict[];
  /** The dry run's refusal, with findings for Problems. */
  rejected?: DryRunObjectResult;
  /** The refusal is the pod-update check's: a live pod cannot take these changes, only a replacement can. */
  needsReplace?: boolean;
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface ApplyOutcome {
  label: string;
  action?: ApplyAction;
  /** The server's message when this object was refused (after others may have been applied). */
  error?: string;
}

const APPLY_YAML = 'application/apply-patch+yaml';

/** Dry-runs the apply of every target. Throws on a refusal of access (401, 403) or an unreadable live object. */
export async function previewApply(targets: readonly ObjectTarget[], transport: ObjectTransport, force = false): Promise<ApplyPreview[]> {
  const previews: ApplyPreview[] = [];
  for (const target of targets) {
    const path = targetPath(target);
    const live = await readLive(transport, path);
    const response = await transport.request('PATCH', `${path}?${writeQuery('apply', { dryRun: true, force })}`, target.request.body.text, APPLY_YAML);
    if (isSuccess(response)) {
      const result = JSON.parse(response.body) as KubeObject;
      previews.push({ target, live, result, changes: live ? changedFields(live, result) : [], conflicts: [] });
      continue;
    }
    if (isAccessRefusal(response)) throw ApiRequestError.from(response);
    const status = statusOf(response);
    if (status && isApplyConflict(status)) {
      previews.push({ target, live, changes: [], conflicts: conflictsOf(status) });
      continue;
    }
    const needsReplace = live !== undefined && status !== undefined && isPodUpdateRefusal(status);
    const findings = live && status && needsReplace ? podUpdateFindings(target.request.doc, live, status) : statusFindings(target.request.doc, target.request.body, response);
    previews.push({ target, live, changes: [], conflicts: [], needsReplace, rejected: { label: target.label, outcome: 'rejected', operation: 'apply', findings } });
  }
  return previews;
}

/** Stores the apply of every previewed object; a refusal of one (the cluster changed since the dry run) is reported and the rest go on, as kubectl does. */
export async function applyPreviews(previews: readonly ApplyPreview[], transport: ObjectTransport, force = false): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const p of previews) {
    const response = await transport.request('PATCH', `${targetPath(p.target)}?${writeQuery('apply', { dryRun: false, force })}`, p.target.request.body.text, APPLY_YAML);
    if (!isSuccess(response)) {
      outcomes.push({ label: p.target.label, error: ApiRequestError.from(response).message });
      continue;
    }
    const stored = JSON.parse(response.body) as KubeObject;
    const action: ApplyAction = !p.live ? 'created' : resourceVersionOf(stored) === resourceVersionOf(p.live) ? 'unchanged' : 'configured';
    outcomes.push({ label: p.target.label, action });
  }
  return outcomes;
}
