// Port-forwarding a pod port to 127.0.0.1 with client-node's PortForward: a local TCP server where each accepted
// connection opens its own port-forward websocket (as kubectl does with one stream pair per connection).
// Only loopback is ever bound, so a forward never exposes the pod to the network.
import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import type { ClusterApi } from '../cluster/clusterApi';
import type WebSocket from 'ws';

export interface PortForwardSpec {
  contextName: string;
  namespace: string;
  pod: string;
  remotePort: number;
  /** 0 picks a free port. */
  localPort: number;
}

export interface PortForwardEvents {
  /** A connection could not be forwarded (refused upgrade, nothing listening in the pod, dropped link). */
  error(message: string): void;
}

export class PortForwardSession {
  readonly id: string;
  private readonly sockets = new Set<Socket>();
  private readonly links = new Set<WebSocket>();
  private stopped = false;

  private constructor(readonly spec: PortForwardSpec, readonly localPort: number, private readonly server: Server) {
    this.id = `${spec.contextName}/${spec.namespace}/${spec.pod}:${spec.remotePort}->${localPort}`;
  }

  static async start(api: Pick<ClusterApi, 'portForwarder'>, spec: PortForwardSpec, events: PortForwardEvents): Promise<PortForwardSession> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new Error(`local port ${spec.localPort} on 127.0.0.1 is already in use`) : err));
      server.listen(spec.localPort, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : spec.localPort;
    const session = new PortForwardSession(spec, port, server);
    server.on('connection', (socket) => session.forward(api, socket, events));
    return session;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  get label(): string {
    return `127.0.0.1:${this.localPort} → ${this.spec.namespace}/${this.spec.pod}:${this.spec.remotePort}`;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const link of this.links) link.close();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(api: Pick<ClusterApi, 'portForwarder'>, socket: Socket, events: PortForwardEvents): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let errorText = '';
    const errors = new Writable({
      write(chunk: Buffer, _e, callback) { errorText += chunk.toString('utf8'); callback(); },
    });
    const { namespace, pod, remotePort } = this.spec;
    const forwarder = api.portForwarder();
    forwarder.portForward(namespace, pod, [remotePort], socket, errors, socket).then(
      (result) => {
        const link = result as WebSocket;
        this.links.add(link);
        link.on('close', () => {
          this.links.delete(link);
          if (errorText.trim()) events.error(errorText.trim());
          socket.end();
        });
        socket.once('close', () => link.close());
      },
      (err: unknown) => {
        events.error(err instanceof Error ? err.message : String(err));
        socket.destroy();
      },
    );
  }
}

/** The forwards running in this window, for listing and stopping. */
export class PortForwardRegistry {
  private readonly sessions = new Map<string, PortForwardSession>();

  add(session: PortForwardSession): void {
    this.sessions.set(session.id, session);
  }

  list(): PortForwardSession[] {
    return [...this.sessions.values()];
  }

  async stop(id: string): Promise<void> {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    await s?.stop();
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.list().map((s) => this.stop(s.id)));
  }
}

/** The ports a pod declares, for the quick pick (TCP only: the API server forwards TCP). */
export function declaredPorts(pod: { spec?: { containers?: { name: string; ports?: { containerPort: number; name?: string; protocol?: string }[] }[] } }):
  { container: string; port: number; name?: string }[] {
  return (pod.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => ({ container: c.name, port: p.containerPort, name: p.name })));
}
