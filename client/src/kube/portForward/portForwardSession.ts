// A port-forward: a local TCP server where each accepted connection opens its own port-forward websocket through the
// API server (as kubectl does with one stream pair per connection) to the pod its target names at that moment. The
// address is loopback unless the user's setting says otherwise, so a forward does not expose the pod to the network
// by default. When the target reports a pod gone, the connections open on it are closed with a FIN, not reset.
import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import type { ClusterApi } from '../cluster/clusterApi';
import type WebSocket from 'ws';
import { remotePortText } from './forwardPorts';
import type { ForwardTarget } from './forwardTarget';

export const DEFAULT_FORWARD_ADDRESS = '127.0.0.1';
const ABNORMAL_CLOSURE = 1006;

export interface PortForwardSpec {
  contextName: string;
  namespace: string;
  target: ForwardTarget;
  /** 0 picks a free port. */
  localPort: number;
  /** The local address to listen on; default 127.0.0.1. */
  address?: string;
}

export interface PortForwardEvents {
  /** A connection could not be forwarded (refused upgrade, nothing listening in the pod, no ready pod, dropped link). */
  error(message: string): void;
}

export class PortForwardSession {
  readonly id: string;
  private readonly sockets = new Set<Socket>();
  /** Each open link with the uid of the pod it reaches. */
  private readonly links = new Map<WebSocket, string>();
  /** Links this session ended itself: their abnormal close is no news to report. */
  private readonly dropped = new WeakSet<WebSocket>();
  private stopped = false;

  private constructor(readonly spec: PortForwardSpec, readonly address: string, readonly localPort: number, private readonly server: Server) {
    this.id = `${spec.contextName}/${spec.namespace}/${spec.target.name}:${remotePortText(spec.target.remote)}->${address}:${localPort}`;
  }

  static async start(api: Pick<ClusterApi, 'portForwarder'>, spec: PortForwardSpec, events: PortForwardEvents): Promise<PortForwardSession> {
    const address = spec.address || DEFAULT_FORWARD_ADDRESS;
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new Error(`local port ${spec.localPort} on ${address} is already in use`) : err));
      server.listen(spec.localPort, address, () => resolve());
    });
    const bound = server.address();
    const port = typeof bound === 'object' && bound ? bound.port : spec.localPort;
    const session = new PortForwardSession(spec, address, port, server);
    spec.target.onPodGone((uid) => session.closeLinksTo(uid));
    spec.target.start();
    server.on('connection', (socket) => session.forward(api, socket, events));
    return session;
  }

  get target(): ForwardTarget {
    return this.spec.target;
  }

  get connectionCount(): number {
    return this.sockets.size;
  }

  get label(): string {
    return `${this.address}:${this.localPort} → ${this.spec.namespace}/${this.spec.target.name}:${remotePortText(this.spec.target.remote)}`;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.spec.target.stop();
    for (const link of this.links.keys()) this.drop(link);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The pod behind these links is gone: drop them; each link's close ends its local connection with a FIN. */
  private closeLinksTo(uid: string): void {
    for (const [link, podUid] of this.links) if (podUid === uid) this.drop(link);
  }

  private drop(link: WebSocket): void {
    this.dropped.add(link);
    link.terminate();
  }

  private forward(api: Pick<ClusterApi, 'portForwarder'>, socket: Socket, events: PortForwardEvents): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    this.spec.target.next().then(
      (endpoint) => {
        if (socket.destroyed || this.stopped) return;
        this.open(api, socket, events, endpoint.pod, endpoint.port, endpoint.uid);
      },
      (err: unknown) => {
        events.error(err instanceof Error ? err.message : String(err));
        socket.end();
      },
    );
  }

  private open(api: Pick<ClusterApi, 'portForwarder'>, socket: Socket, events: PortForwardEvents, pod: string, port: number, uid: string): void {
    let errorText = '';
    const errors = new Writable({
      write(chunk: Buffer, _e, callback) { errorText += chunk.toString('utf8'); callback(); },
    });
    api.portForwarder().portForward(this.spec.namespace, pod, [port], socket, errors, socket).then(
      (result) => {
        const link = result as WebSocket;
        // The local side may have gone while the link was opening: its close already fired.
        if (socket.destroyed || this.stopped) {
          this.drop(link);
          return;
        }
        this.links.set(link, uid);
        link.on('close', (code: number) => {
          this.links.delete(link);
          if (errorText.trim()) events.error(errorText.trim());
          // 1006: the link dropped without a close frame (the API server or the network went away mid-connection).
          else if (code === ABNORMAL_CLOSURE && !this.dropped.has(link)) events.error(`lost the connection to pod "${pod}" through the API server (the API server or the network went away)`);
          socket.end();
        });
        // terminate, not close: the close handshake goes through the API server to the node, which may never answer
        // (kwok does not), leaving the link half-closed for 30 s.
        socket.once('close', () => this.drop(link));
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
