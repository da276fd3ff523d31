// A raw request to the API server with the context's credentials (client-node's applyToHTTPSOptions: CA, client
// certificate, token, proxy agent). Used where the typed clients get in the way: reading an object exactly as the
// server stores it, and sending a manifest's own YAML for a dry run, so fields client-node's models do not know
// still reach the server and are judged by it.
import * as http from 'node:http';
import * as https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_TIMEOUT_MS, RequestTimeoutError } from './connectionTimeout';

export interface ApiResponse {
  status: number;
  body: string;
  /** The API server's `Warning` headers (deprecations, pod warnings), verbatim. */
  warnings: string[];
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: string;
  contentType?: string;
  timeoutMs?: number;
  /** Aborts the request (it then rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Where a request for `path` (with its query) goes and how: the URL, the context's credentials applied, the transport. */
export async function authorizedRequest(kubeConfig: KubeConfig, path: string, method = 'GET'): Promise<{ url: URL; requestOptions: https.RequestOptions; transport: typeof https | typeof http }> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig context names no cluster');
  const url = new URL(cluster.server.replace(/\/$/, '') + path);
  const requestOptions: https.RequestOptions = { method, headers: { Accept: 'application/json' } };
  await kubeConfig.applyToHTTPSOptions(requestOptions);
  return { url, requestOptions, transport: url.protocol === 'https:' ? https : http };
}

export async function apiRequest(kubeConfig: KubeConfig, path: string, options: ApiRequestOptions = {}): Promise<ApiResponse> {
  const { url, requestOptions, transport } = await authorizedRequest(kubeConfig, path, options.method);
  const headers = requestOptions.headers as Record<string, string>;
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  return new Promise((resolve, reject) => {
    const req = transport.request(url, requestOptions, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        body: Buffer.concat(parts).toString('utf8'),
        warnings: warningsOf(res.headers.warning),
      }));
      res.on('error', reject);
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    req.setTimeout(timeoutMs, () => req.destroy(new RequestTimeoutError(`requesting ${url.pathname}`, timeoutMs)));
    req.on('error', reject);
    const { signal } = options;
    if (signal) {
      if (signal.aborted) req.destroy(signal.reason as Error);
      else signal.addEventListener('abort', () => req.destroy(signal.reason as Error), { once: true });
    }
    req.end(options.body);
  });
}

/** RFC 7234 warning values as the API server sends them: `299 - "message"`, possibly several per header. */
export function warningsOf(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const out: string[] = [];
  const re = /\d{3} \S+ "((?:[^"\\]|\\.)*)"/g;
  for (const value of Array.isArray(header) ? header : [header]) {
    for (const m of value.matchAll(re)) out.push(m[1].replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** The Status object of an error response, when the body is one. */
export interface ApiStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

export function statusOf(response: ApiResponse): ApiStatus | undefined {
  try {
    const parsed = JSON.parse(response.body) as ApiStatus;
    return parsed && parsed.kind === 'Status' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A failed response as an Error carrying the server's message. Shaped like client-node's ApiException (`code`, `body`)
 * so describeConnectionError reads it the same way (403 → forbidden, the Status message as the text).
 */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(readonly code: number, message: string, readonly body?: ApiStatus) {
    super(message);
  }

  static from(response: ApiResponse): ApiRequestError {
    const s = statusOf(response);
    const text = s?.message ?? (response.body.trim().slice(0, 300) || `the server answered HTTP ${response.status}`);
    return new ApiRequestError(response.status, text, s);
  }
}
