// Opens pod log streams with client-node's Log class. Two gaps of Log are filled here:
// - it pipes the HTTP body into our writable and keeps the body stream to itself, so a broken connection would never
//   reach us; the writable's 'pipe' event hands us that body stream to watch for 'error' and 'end';
// - on a refusal it throws "Error occurred in log request" without the server's reason, so we ask once more without
//   streaming (readNamespacedPodLog) to get the API server's own message, e.g.
//   `previous terminated container "app" in pod "web" not found`.
import { Writable, type Readable } from 'node:stream';
import type { ClusterApi } from '../cluster/clusterApi';
import { describeConnectionError } from '../cluster/connectionError';
import { LogOpenError, type LogConnection, type LogOpener, type LogRequest } from './logTransport';

export interface LogTarget {
  namespace: string;
  pod: string;
  container: string;
}

export function clientNodeLogOpener(api: Pick<ClusterApi, 'logStreamer' | 'readPodLog'>, target: LogTarget): LogOpener {
  const log = api.logStreamer();
  return async (request, onChunk) => {
    let aborted = false;
    let settle!: (err?: unknown) => void;
    const closed = new Promise<void>((resolve, reject) => {
      let done = false;
      settle = (err?: unknown) => {
        if (done) return;
        done = true;
        if (err !== undefined && !aborted) reject(err);
        else resolve();
      };
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (!aborted) onChunk(chunk);
        callback();
      },
    });
    sink.on('pipe', (body: Readable) => {
      body.once('error', (err) => settle(err));
      body.once('end', () => settle());
      body.once('close', () => settle(body.readableEnded ? undefined : new Error('the log stream closed early')));
    });
    let controller: AbortController;
    try {
      controller = await log.log(target.namespace, target.pod, target.container, sink, {
        ...logOptions(request),
        timestamps: true,
      });
    } catch (err) {
      throw await explainRefusal(api, target, request, err);
    }
    const connection: LogConnection = {
      closed,
      abort() {
        aborted = true;
        controller.abort();
        settle();
      },
    };
    return connection;
  };
}

function logOptions(r: LogRequest): { follow: boolean; previous: boolean; tailLines?: number; sinceSeconds?: number; sinceTime?: string } {
  return { follow: r.follow, previous: r.previous, tailLines: r.tailLines, sinceSeconds: r.sinceSeconds, sinceTime: r.sinceTime };
}

/** Turns Log's bare failure into the API server's words, and says whether trying again could help. */
async function explainRefusal(api: Pick<ClusterApi, 'readPodLog'>, target: LogTarget, request: LogRequest, original: unknown): Promise<LogOpenError> {
  try {
    await api.readPodLog(target.namespace, target.pod, { container: target.container, previous: request.previous, limitBytes: 1 });
  } catch (err) {
    const problem = describeConnectionError(err);
    const retryable = problem.kind === 'unreachable' || problem.kind === 'timeout';
    return new LogOpenError(problem.message, retryable, problem.code);
  }
  // The plain read worked, so the refusal was passing (or specific to streaming): worth another try.
  const problem = describeConnectionError(original);
  return new LogOpenError(`log request failed: ${problem.message}`, true, problem.code);
}
