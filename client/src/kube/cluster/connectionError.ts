// Turns whatever a cluster call threw (client-node ApiException, a watch's HTTP error, a watch ERROR Status, a fetch
// network failure, our own timeout) into one plain shape, so the tree can say exactly what went wrong.
import { RequestTimeoutError } from './connectionTimeout';

export type ConnectionProblemKind =
  | 'unreachable'
  | 'tls'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'gone'
  | 'other';

export interface ConnectionProblem {
  kind: ConnectionProblemKind;
  /** HTTP status code, when the server answered. */
  code?: number;
  /** The API Status reason (Forbidden, Unauthorized, Expired, ...) when there is one. */
  reason?: string;
  /** The server's own message when it sent one (e.g. `pods is forbidden: User "x" cannot list ...`), else ours. */
  message: string;
}

interface StatusLike {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);

export function describeConnectionError(err: unknown): ConnectionProblem {
  if (err instanceof RequestTimeoutError) return { kind: 'timeout', message: err.message };
  if (isStatus(err)) return fromStatus(err.code ?? 0, err);
  const code = httpCodeOf(err);
  if (code !== undefined) return fromStatus(code, statusBodyOf(err));
  const cause = networkCauseOf(err);
  if (cause) return cause;
  if (isAbortTimeout(err)) return { kind: 'timeout', message: 'The request timed out: the cluster did not answer.' };
  return { kind: 'other', message: messageOf(err) };
}

/** True when re-listing (not just re-watching) is the cure: the resourceVersion we hold has been compacted away. */
export function isResourceExpired(err: unknown): boolean {
  return describeConnectionError(err).kind === 'gone';
}

/** One line for a tree node or notification: "Forbidden: pods is forbidden: User ...". */
export function problemLabel(p: ConnectionProblem): string {
  switch (p.kind) {
    case 'unauthorized': return `Unauthorized (401): ${p.message}`;
    case 'forbidden': return `Forbidden (403): ${p.message}`;
    case 'unreachable': return `Cluster unreachable: ${p.message}`;
    case 'tls': return `TLS error: ${p.message}`;
    case 'timeout': return p.message;
    case 'notFound': return `Not found (404): ${p.message}`;
    case 'gone': return `Expired (410): ${p.message}`;
    default: return p.code ? `Error (${p.code}): ${p.message}` : `Error: ${p.message}`;
  }
}

function fromStatus(code: number, status: StatusLike | undefined): ConnectionProblem {
  const reason = status?.reason;
  const message = status?.message || reason || defaultMessage(code);
  const kind: ConnectionProblemKind =
    code === 401 ? 'unauthorized'
      : code === 403 ? 'forbidden'
        : code === 404 ? 'notFound'
          : code === 410 ? 'gone'
            : code === 504 || reason === 'Timeout' ? 'timeout'
              : 'other';
  return { kind, code, reason, message };
}

function defaultMessage(code: number): string {
  switch (code) {
    // client-node drops the body of a 401, so this is all that is known.
    case 401: return 'the server did not accept the credentials of this context';
    case 403: return 'the server refused the request';
    case 404: return 'the server could not find the requested resource';
    case 410: return 'the requested resourceVersion is too old';
    default: return `the server answered HTTP ${code}`;
  }
}

function isStatus(err: unknown): err is StatusLike {
  return isObject(err) && err.kind === 'Status' && typeof err.code === 'number';
}

/** ApiException has `code` + `body`; a failed watch connection has `statusCode`. */
function httpCodeOf(err: unknown): number | undefined {
  if (!isObject(err)) return undefined;
  if (typeof err.statusCode === 'number') return err.statusCode;
  if (typeof err.code === 'number' && err.code >= 100 && err.code < 600) return err.code;
  return undefined;
}

/** ApiException carries the raw response body (a JSON Status as text for most errors). */
function statusBodyOf(err: unknown): StatusLike | undefined {
  if (!isObject(err)) return undefined;
  const body = err.body;
  if (isObject(body)) return body as StatusLike;
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) ? (parsed as StatusLike) : undefined;
  } catch {
    return { message: body.length > 300 ? `${body.slice(0, 300)}…` : body };
  }
}

/** fetch() wraps socket errors as TypeError('fetch failed') with the real error in `cause`. */
function networkCauseOf(err: unknown): ConnectionProblem | undefined {
  for (let e: unknown = err, depth = 0; isObject(e) && depth < 5; e = e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (!code) continue;
    if (NETWORK_CODES.has(code)) return { kind: 'unreachable', message: messageOf(e) };
    if (/CERT|SSL|TLS|SELF_SIGNED|SIGNATURE/.test(code)) return { kind: 'tls', message: messageOf(e) };
  }
  return undefined;
}

function isAbortTimeout(err: unknown): boolean {
  return isObject(err) && (err.name === 'TimeoutError' || (err.name === 'AbortError' && isAbortTimeout(err.cause)));
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (isObject(err) && typeof err.message === 'string') return err.message;
  return String(err);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
