// The pod-update check: a Pod is immutable but for a few fields, and the API server refuses any other change of a
// live pod with one error at `spec` ("Forbidden: pod updates may not change fields other than …") whose diff is in
// Go field names. This finds which of the manifest's fields differ from the live pod, so each forbidden change is
// marked where it was typed, with the API server's own message.
//
// The dry run is a server-side apply (what Apply would send), not a PUT of the manifest: a PUT replaces the whole
// spec, so the scheduler's nodeName and the volumes admission added at create would "change" too, and an unchanged
// manifest would be refused (`kubectl replace --dry-run=server` of an unchanged pod is). The apply merges the
// manifest into the live pod, so only what the manifest says can differ.
import type { Document } from 'yaml';
import { formatPath, rangeOfFieldPath, type PathSeg } from '../../../../server/src/engine';
import type { ApiStatus } from '../cluster/apiRequest';
import type { DryRunFinding } from '../dryRun/dryRunValidate';
import { segmentOf } from './objectDiff';
import type { KubeObject } from './objectTransport';

export const POD_UPDATE_FORBIDDEN = 'pod-update-forbidden';

/** The Status of an update the API server refused because it changes an immutable field of a pod. */
export function isPodUpdateRefusal(status: ApiStatus | undefined): boolean {
  return status?.code === 422 && status.details?.kind === 'Pod'
    && (status.details.causes ?? []).some((c) => c.reason === 'FieldValueForbidden' && c.field === 'spec');
}

/** The first line of the refusal's `spec` cause: `Forbidden: pod updates may not change fields other than …`. */
function refusalMessage(status: ApiStatus): string {
  const cause = status.details?.causes?.find((c) => c.reason === 'FieldValueForbidden' && c.field === 'spec');
  return (cause?.message ?? status.message ?? '').split('\n')[0];
}

/** A change the API server allows on a live pod (validation's ValidatePodUpdate), so never marked. */
function isMutable(path: readonly PathSeg[], live: unknown): boolean {
  const [spec, field, index, leaf] = path;
  if (spec !== 'spec') return true;
  if ((field === 'containers' || field === 'initContainers') && typeof index === 'number' && leaf === 'image' && path.length === 4) return true;
  if (field === 'activeDeadlineSeconds') return true;
  // Tolerations may be added; admission appends its own (not-ready, unreachable), so positions say nothing. A removal
  // the API server refuses is still reported, at spec, when no other change explains the refusal.
  if (field === 'tolerations') return true;
  // The grace period may be set when it was negative (the API server says: to 1).
  return field === 'terminationGracePeriodSeconds' && typeof live === 'number' && live < 0;
}

/** Every field the manifest sets under `spec` whose value differs from the live pod's, deepest first. */
export function changedSpecFields(manifest: unknown, live: KubeObject): { path: PathSeg[]; live: unknown; wanted: unknown }[] {
  const out: { path: PathSeg[]; live: unknown; wanted: unknown }[] = [];
  const m = (manifest as { spec?: unknown } | undefined)?.spec;
  walk(m, live.spec, ['spec'], out);
  return out;
}

function walk(wanted: unknown, live: unknown, path: PathSeg[], out: { path: PathSeg[]; live: unknown; wanted: unknown }[]): void {
  if (isRecord(wanted) && (isRecord(live) || live === undefined)) {
    // A map the live pod lacks is walked too, so each new entry is marked where it is typed.
    for (const key of Object.keys(wanted)) walk(wanted[key], live?.[key], [...path, segmentOf(key)], out);
  } else if (Array.isArray(wanted) && Array.isArray(live)) {
    // Item by item: the live list came from this manifest, in its order. Items the manifest lacks are not changes —
    // the apply keeps what other managers added (the service-account token's volume and mounts).
    // A new item (an added container) is one change, marked by its first key.
    for (let i = 0; i < wanted.length; i++) {
      if (live[i] === undefined) out.push({ path: [...path, i], live: undefined, wanted: wanted[i] });
      else walk(wanted[i], live[i], [...path, i], out);
    }
  } else if (!sameScalar(wanted, live)) {
    out.push({ path, live, wanted });
  }
}

/** YAML reads `80` and `"80"` apart, the API server stores one type: compare as the server would print them. */
function sameScalar(a: unknown, b: unknown): boolean {
  if (a === null && b === undefined) return true;
  return JSON.stringify(a) === JSON.stringify(b) || (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The refusal, marked at each forbidden change the manifest makes; the whole `spec` when none can be found. */
export function podUpdateFindings(doc: Document, live: KubeObject, status: ApiStatus): DryRunFinding[] {
  const reason = refusalMessage(status);
  const changes = changedSpecFields(doc.toJS({ maxAliasCount: 100 }), live).filter((c) => !isMutable(c.path, c.live));
  const at = (path: string | PathSeg[]) => rangeOfFieldPath(doc, typeof path === 'string' ? path : formatPath(path));
  if (changes.length === 0) {
    const r = at('spec');
    return [{ start: r.start, end: r.end, severity: 'error', message: `spec: ${reason}`, code: POD_UPDATE_FORBIDDEN }];
  }
  return changes.map((c) => {
    const r = at(c.path);
    const was = c.live === undefined ? 'unset' : short(c.live);
    return { start: r.start, end: r.end, severity: 'error', message: `${formatPath(c.path)}: ${reason} (the live pod has ${was})`, code: POD_UPDATE_FORBIDDEN };
  });
}

function short(v: unknown): string {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
