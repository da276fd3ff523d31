// The request line of a dry run, built only from values the API server's path grammar accepts. A manifest is
// untrusted text: an apiVersion of `v1#x` once turned the create into `POST /api/v1` with no query (no dryRun at all),
// and `v1?dryRun=&x=` sent an empty dryRun. So apiVersion, kind, namespace and name are checked first, each path
// segment is escaped, `.` and `..` are refused, and the query is built by URLSearchParams from constants.

/** Where in the manifest a value came from, and what is wrong with it (worded like the API server's field errors). */
export interface HeaderProblem {
  field: string[];
  message: string;
}

export interface RequestHeader {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

export const FIELD_MANAGER = 'podscope';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const LABEL_MESSAGE = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')';

const invalid = (field: string, value: string, why: string): string => `${field}: Invalid value: ${JSON.stringify(value)}: ${why}`;

/** Every reason the object's apiVersion, kind, name or the namespace it goes to cannot be put in a request path. */
export function headerProblems(h: RequestHeader): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  if (!groupVersionOf(h.apiVersion)) {
    problems.push({ field: ['apiVersion'], message: invalid('apiVersion', h.apiVersion, 'must be a version such as "v1" or a group and version such as "apps/v1"') });
  }
  // CRD kinds must be DNS-1035 labels once lowercased; every built-in kind is one too.
  if (h.kind.length > 63 || !DNS1035_LABEL.test(h.kind.toLowerCase())) {
    problems.push({ field: ['kind'], message: invalid('kind', h.kind, 'must start with a letter and consist of letters, digits and \'-\' (at most 63 characters)') });
  }
  if (h.namespace !== undefined && !isLabel(h.namespace)) {
    const why = h.namespace.length > 63 ? 'must be no more than 63 characters' : LABEL_MESSAGE;
    problems.push({ field: ['metadata', 'namespace'], message: invalid('metadata.namespace', h.namespace, why) });
  }
  if (h.name !== undefined) {
    const why = pathSegmentProblem(h.name);
    if (why) problems.push({ field: ['metadata', 'name'], message: invalid('metadata.name', h.name, why) });
  }
  return problems;
}

/** The API server's rule for any name that becomes a path segment (apimachinery's ValidatePathSegmentName). */
export function pathSegmentProblem(name: string): string | undefined {
  if (name === '.' || name === '..') return `may not be '${name}'`;
  for (const c of ['/', '%']) if (name.includes(c)) return `may not contain '${c}'`;
  return undefined;
}

export function isLabel(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** `v1` → the core group; `group/version` → a named group; anything else → undefined. */
function groupVersionOf(apiVersion: string): { group?: string; version: string } | undefined {
  const parts = apiVersion.split('/');
  const version = parts.at(-1) ?? '';
  if (version.length > 63 || !DNS1035_LABEL.test(version)) return undefined;
  if (parts.length === 1) return { version };
  const group = parts[0];
  if (parts.length !== 2 || group.length > 253 || !DNS1123_SUBDOMAIN.test(group)) return undefined;
  return { group, version };
}

/** One path segment, escaped; throws on a value that headerProblems would have refused (a caller's bug). */
function segment(value: string): string {
  if (value === '' || pathSegmentProblem(value)) throw new Error(`refusing to put ${JSON.stringify(value)} in a request path`);
  return encodeURIComponent(value);
}

/** `/api/v1` or `/apis/apps/v1`: the discovery document of the group version, and the root of its resources. */
export function groupVersionPath(apiVersion: string): string {
  const gv = groupVersionOf(apiVersion);
  if (!gv) throw new Error(`refusing the apiVersion ${JSON.stringify(apiVersion)}`);
  return gv.group === undefined ? `/api/${segment(gv.version)}` : `/apis/${segment(gv.group)}/${segment(gv.version)}`;
}

/** The collection a create goes to; `namespace` undefined for cluster-scoped resources. */
export function collectionPath(apiVersion: string, resource: string, namespace: string | undefined): string {
  const ns = namespace === undefined ? '' : `/namespaces/${segment(namespace)}`;
  return `${groupVersionPath(apiVersion)}${ns}/${segment(resource)}`;
}

export function objectPath(apiVersion: string, resource: string, namespace: string | undefined, name: string): string {
  return `${collectionPath(apiVersion, resource, namespace)}/${segment(name)}`;
}

/** The only query a dry run ever sends: dryRun=All always, force only for the server-side apply. */
export function dryRunQuery(operation: 'create' | 'apply'): string {
  const q = new URLSearchParams({ dryRun: 'All', fieldValidation: 'Strict', fieldManager: FIELD_MANAGER });
  if (operation === 'apply') q.set('force', 'true');
  return q.toString();
}

/**
 * The query of a create or server-side apply that may be stored (Apply, Create): dryRun only when asked, force only
 * when the user chose to take fields over. Built from constants, like dryRunQuery.
 */
export function writeQuery(operation: 'create' | 'apply', o: { dryRun: boolean; force?: boolean }): string {
  const q = new URLSearchParams({ fieldValidation: 'Strict', fieldManager: FIELD_MANAGER });
  if (o.dryRun) q.set('dryRun', 'All');
  if (operation === 'apply' && o.force) q.set('force', 'true');
  return q.toString();
}
