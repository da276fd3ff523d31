// The two sides of the apply diff: the live object and the dry run's result, without what the server keeps about an
// object rather than in it (managedFields, status, resourceVersion, uid, creationTimestamp, generation), so the diff
// shows only what applying would change. Text as `kubectl get -o yaml` prints it (keys sorted, lists not indented).
import { stringify } from 'yaml';
import { formatPath, type PathSeg } from '../../../../server/src/engine';
import type { KubeObject } from './objectTransport';

const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation'];

export function comparable(o: KubeObject): KubeObject {
  const copy = structuredClone(o);
  delete copy.status;
  if (copy.metadata) for (const key of SERVER_METADATA) delete copy.metadata[key];
  return copy;
}

export function diffText(o: KubeObject | undefined): string {
  return o === undefined ? '' : stringify(comparable(o), { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

/** Every field whose value differs, in Kubernetes notation (`spec.containers[0].image`), at the deepest level. */
export function changedFields(before: KubeObject | undefined, after: KubeObject | undefined): string[] {
  const out: string[] = [];
  walk(before === undefined ? undefined : comparable(before), after === undefined ? undefined : comparable(after), [], out);
  return out;
}

function walk(a: unknown, b: unknown, path: PathSeg[], out: string[]): void {
  if (isRecord(a) && isRecord(b)) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) walk(a[key], b[key], [...path, segmentOf(key)], out);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    walkList(a, b, path, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(formatPath(path));
  }
}

/**
 * Lists of named items (containers, env, volumes) are matched by name, as the API server merges them, and named by
 * the new side's index; other lists are compared item by item when only values changed, else named as a whole
 * (an added toleration shifts every index after it).
 */
function walkList(a: unknown[], b: unknown[], path: PathSeg[], out: string[]): void {
  const names = (l: unknown[]) => (l.every((x) => isRecord(x) && typeof x.name === 'string') ? l.map((x) => (x as { name: string }).name) : undefined);
  const [na, nb] = [names(a), names(b)];
  if (na && nb && a.length > 0 && b.length > 0) {
    b.forEach((item, i) => walk(a[na.indexOf(nb[i])], item, [...path, i], out));
    if (na.some((n) => !nb.includes(n))) out.push(formatPath(path));
  } else if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) walk(a[i], b[i], [...path, i], out);
  } else {
    out.push(formatPath(path));
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A key that would read as nested fields (`app.kubernetes.io/name`) is written in brackets, as the API server does. */
export function segmentOf(key: string): PathSeg {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? key : { key };
}
