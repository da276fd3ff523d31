// Opens the API server's channel websockets (exec, attach, port-forward) for client-node's Exec and PortForward,
// in place of client-node's own WebSocketHandler, which reports a refused upgrade only as "Unexpected server
// response: 403" and drops the body where the API server says why (`pods "web" is forbidden: User "dev" cannot
// create resource "pods/exec" ...`, `container not found ("app")`). Here that reason becomes the error.
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { KubeConfig, V1Status } from '@kubernetes/client-node';
import WebSocket from 'ws';

/** Subprotocols in client-node's order of preference: v5 can half-close stdin, older ones cannot. */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'];
/** The v5 "close this channel" message; the exit status that follows on channel 3 is what ends a session. */
const CLOSE_CHANNEL = 255;
/** The channel the server's V1Status arrives on: exec's exit status, attach's end (or why it could not attach). */
const STATUS_CHANNEL = 3;

/** The API server refused to open an exec/attach/port-forward stream. */
export class UpgradeRefusedError extends Error {
  override readonly name = 'UpgradeRefusedError';
  constructor(message: string, readonly code: number, readonly reason?: string) {
    super(message);
  }
}

export function refusalFromBody(code: number, body: string): UpgradeRefusedError {
  try {
    const status = JSON.parse(body) as { message?: string; reason?: string };
    if (status.message) return new UpgradeRefusedError(status.message, code, status.reason);
  } catch {
    // Not a Status object (e.g. a proxy's HTML page): fall through to the plain text.
  }
  const text = body.trim();
  return new UpgradeRefusedError(text ? text.slice(0, 500) : `the server answered HTTP ${code}`, code);
}

type BinaryHandler = (channel: number, data: Buffer) => boolean;
type TextHandler = (text: string) => boolean;

/** Structurally client-node's WebSocketInterface, which it does not export. */
export class ChannelConnector {
  /**
   * `onStatus` sees the status channel before the caller's handler: client-node's Attach drops it, and it is the only
   * place the server says why an attach ended (the process exited, or the runtime could not attach at all).
   */
  constructor(private readonly kubeConfig: KubeConfig, private readonly onStatus?: (status: V1Status) => void) {}

  async connect(path: string, textHandler: TextHandler | null, binaryHandler: BinaryHandler | null): Promise<WebSocket> {
    const cluster = this.kubeConfig.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig context names no cluster');
    const uri = cluster.server.replace(/^http/, 'ws').replace(/\/$/, '') + path;
    const options: RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(uri, PROTOCOLS, options as WebSocket.ClientOptions);
      socket.on('unexpected-response', (_req: ClientRequest, res: IncomingMessage) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          reject(refusalFromBody(res.statusCode ?? 0, Buffer.concat(parts).toString('utf8')));
          socket.terminate();
        });
      });
      socket.on('open', () => resolve(socket));
      socket.on('error', (err) => reject(err));
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (isBinary && data.length > 0 && data[0] === STATUS_CHANNEL) this.status(data.subarray(1));
        const keep = isBinary ? onBinary(data, binaryHandler) : textHandler ? textHandler(data.toString('utf8')) : true;
        if (!keep) socket.close();
      });
    });
  }

  private status(data: Buffer): void {
    if (!this.onStatus) return;
    try {
      this.onStatus(JSON.parse(data.toString('utf8')) as V1Status);
    } catch {
      this.onStatus({ status: 'Failure', message: data.toString('utf8').trim() || 'the server ended the stream' });
    }
  }
}

function onBinary(data: Buffer, handler: BinaryHandler | null): boolean {
  if (data.length === 0 || !handler) return true;
  const channel = data[0];
  if (channel === CLOSE_CHANNEL) return true;
  return handler(channel, data.subarray(1));
}
