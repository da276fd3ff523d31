// A watch read line by line over node's http(s) with the context's credentials (client-node's applyToHTTPSOptions,
// as apiRequest: CA, client certificate, token or credential plugin, proxy agent). client-node's Watch reads through
// undici's fetch, a web stream turned back into a node stream, and readline: at 50,000 pods of a streaming list that
// took longer than the API server took to send them.
import type * as http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiRequestError, authorizedRequest } from './apiRequest';
import { RequestTimeoutError } from './connectionTimeout';

export interface WatchStreamHandlers {
  /** One event line, parsed: the event type and the object as raw JSON. */
  onEvent(type: string, object: unknown): void;
  /** The stream ended: null for a normal close, else why (ApiRequestError for a refusal, RequestTimeoutError). */
  onDone(err: unknown): void;
}

/** No byte for this long (bookmarks included) ends the watch, as client-node's Watch does after 30 s. */
export const WATCH_INACTIVITY_MS = 30_000;

/** Opens `path?query` as a watch; `stop()` closes it and nothing is heard afterwards. */
export function openWatchStream(
  kubeConfig: KubeConfig, path: string, query: URLSearchParams, handlers: WatchStreamHandlers, inactivityMs = WATCH_INACTIVITY_MS,
): { stop(): void } {
  let over = false;
  let req: http.ClientRequest | undefined;
  const finish = (err: unknown) => {
    if (over) return;
    over = true;
    req?.destroy();
    handlers.onDone(err);
  };
  const start = async () => {
    query.set('watch', 'true');
    const { url, requestOptions, transport } = await authorizedRequest(kubeConfig, `${path}?${query}`);
    if (over) return;
    req = transport.request(url, requestOptions, (res) => {
      res.setEncoding('utf8');
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (chunk: string) => { body += chunk; });
        res.on('end', () => finish(ApiRequestError.from({ status: res.statusCode ?? 0, body, warnings: [] })));
        return;
      }
      let rest = '';
      res.on('data', (chunk: string) => {
        const text = rest + chunk;
        let from = 0;
        for (let nl = text.indexOf('\n'); nl >= 0 && !over; nl = text.indexOf('\n', from)) {
          const line = text.slice(from, nl);
          from = nl + 1;
          const event = parseEvent(line);
          if (event) handlers.onEvent(event.type, event.object);
        }
        rest = text.slice(from);
      });
      res.on('end', () => finish(null));
      res.on('error', finish);
    });
    req.setTimeout(inactivityMs, () => req?.destroy(new RequestTimeoutError(`watching ${path}`, inactivityMs)));
    req.on('error', finish);
    req.end();
  };
  start().catch(finish);
  return {
    stop() {
      over = true;
      req?.destroy();
    },
  };
}

/** A line that is not a JSON event is skipped, as client-node's Watch skips it. */
function parseEvent(line: string): { type: string; object: unknown } | undefined {
  if (line.trim() === '') return undefined;
  try {
    const e = JSON.parse(line) as { type?: unknown; object?: unknown };
    return typeof e.type === 'string' ? { type: e.type, object: e.object } : undefined;
  } catch {
    return undefined;
  }
}
