// A fake API server speaking the exec websocket protocol (channel byte + payload) on 127.0.0.1, enough to check what
// travels on each channel: stdin (0), stdout (1), status (3), resize (4), and how a refused upgrade is reported.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { FakeWebSocketServer } from './fakeWebSocketServer';

export interface ExecCall {
  path: string;
  command: string[];
  tty: boolean;
  authorization: string | undefined;
  protocol: string;
  resizes: { width: number; height: number }[];
  stdin: string;
}

/** Pod names that make the fake refuse, with the Status the API server would send. */
const REFUSALS: Record<string, { code: number; body: object }> = {
  forbidden: {
    code: 403,
    body: {
      kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403,
      message: 'pods "forbidden" is forbidden: User "dev" cannot create resource "pods/exec" in API group "" in the namespace "ns"',
    },
  },
  stopped: {
    code: 400,
    body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400, message: 'container not found ("app")' },
  },
};

const send = (ws: WebSocket, channel: number, text: string) => ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));

function status(code: number): object {
  return code === 0
    ? { metadata: {}, status: 'Success' }
    : {
      metadata: {}, status: 'Failure', reason: 'NonZeroExitCode',
      message: `command terminated with non-zero exit code: error executing command, exit code ${code}`,
      details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
    };
}

export class FakeExecServer extends FakeWebSocketServer {
  readonly calls: ExecCall[] = [];

  constructor() {
    super({ handleProtocols: (p) => (p.has('v5.channel.k8s.io') ? 'v5.channel.k8s.io' : false) });
  }

  protected upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const pod = url.pathname.split('/')[6];
    const refusal = REFUSALS[pod];
    if (refusal) {
      const body = JSON.stringify(refusal.body);
      socket.end(`HTTP/1.1 ${refusal.code} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const call: ExecCall = {
        path: url.pathname,
        command: url.searchParams.getAll('command'),
        tty: url.searchParams.get('tty') === 'true',
        authorization: req.headers.authorization,
        protocol: ws.protocol,
        resizes: [],
        stdin: '',
      };
      this.calls.push(call);
      if (pod === 'noattach') {
        // The upgrade succeeds, then the runtime says it cannot attach: what kwok answers for a container it has no rule for.
        send(ws, 3, JSON.stringify({ metadata: {}, status: 'Failure', reason: 'InternalError', message: 'no attaches found for container "app"' }));
        ws.close();
        return;
      }
      ws.on('message', (data: Buffer) => this.onMessage(ws, call, data));
    });
  }

  private onMessage(ws: WebSocket, call: ExecCall, data: Buffer): void {
    const channel = data[0];
    const payload = data.subarray(1).toString('utf8');
    if (channel === 4) {
      const size = JSON.parse(payload) as { width: number; height: number };
      call.resizes.push(size);
      send(ws, 1, `size ${size.width}x${size.height}\r\n`);
    } else if (channel === 0) {
      call.stdin += payload;
      const exit = /exit (\d+)/.exec(payload);
      if (exit) {
        send(ws, 3, JSON.stringify(status(Number(exit[1]))));
        ws.close();
      } else {
        send(ws, 1, `echo: ${payload}`);
        send(ws, 2, `err: ${payload}`);
      }
    } else if (channel === 255 && data[1] === 0) {
      // v5: stdin closed. A command reading to EOF would now finish.
      send(ws, 3, JSON.stringify(status(0)));
      ws.close();
    }
  }
}
