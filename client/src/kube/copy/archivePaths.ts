// Where an entry of the container's archive lands locally, as kubectl cp decides it (pkg/cmd/cp: getPrefix,
// stripPathShortcuts, isRelative): the archive names entries by the container path without its leading "/", that
// prefix is replaced by the local destination, and an entry that would land outside it is skipped. The archive comes
// from the container, so it is untrusted: a name with "../" must never write beside the destination.
import * as path from 'node:path';
import { posix } from 'node:path';

/** Removes leading "../" (and a leading "/"): what is left can only go down from where it is joined. */
export function stripPathShortcuts(p: string): string {
  // Go's path.Clean, which kubectl uses, also drops a trailing slash.
  let cleaned = posix.normalize(p).replace(/(.)\/+$/, '$1');
  while (cleaned.startsWith('../')) cleaned = cleaned.slice(3);
  if (cleaned === '.' || cleaned === '..') return '';
  return cleaned.startsWith('/') ? cleaned.slice(1) : cleaned;
}

/** The name tar gives the copied path inside its archive (tar drops the leading "/"). */
export function archivePrefix(containerPath: string): string {
  return stripPathShortcuts(containerPath.replace(/^\/+/, ''));
}

/** True when `target` is `base` or inside it. */
export function isInside(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

export type Placement = { kind: 'inside'; localPath: string } | { kind: 'foreign' } | { kind: 'outside'; localPath: string };

/**
 * Where the archive entry `name` goes under `destination`: `foreign` when it is not under the copied path at all (the
 * archive was tampered with: kubectl fails with "tar contents corrupted"), `outside` when it escapes the destination.
 */
export function placeEntry(name: string, prefix: string, destination: string): Placement {
  const trimmed = name.replace(/\/+$/, '');
  // kubectl checks a plain string prefix, so "data" would also take "database/x"; a whole path segment is required here.
  if (prefix !== '' && trimmed !== prefix && !trimmed.startsWith(`${prefix}/`)) return { kind: 'foreign' };
  if (prefix === '' && posix.isAbsolute(trimmed)) return { kind: 'foreign' };
  const rest = trimmed.slice(prefix.length);
  const localPath = path.join(destination, ...rest.split('/').filter((s) => s !== ''));
  return isInside(destination, localPath) ? { kind: 'inside', localPath } : { kind: 'outside', localPath };
}
