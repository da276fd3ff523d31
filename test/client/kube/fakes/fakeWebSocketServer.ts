// What every fake websocket API server shares: an HTTP server on 127.0.0.1 that answers plain requests 404 and hands
// upgrades to the subclass, a ClusterApi pointed at it, and a close that ends every open socket first.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type ServerOptions } from 'ws';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import { fakeClusterApi } from './fakeKubeConfig';

export abstract class FakeWebSocketServer {
  protected readonly server: Server;
  protected readonly wss: WebSocketServer;

  constructor(options: Omit<ServerOptions, 'noServer'> = {}) {
    this.wss = new WebSocketServer({ ...options, noServer: true });
    this.server = createServer((_req, res) => { res.statusCode = 404; res.end(); });
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => this.upgrade(req, socket, head));
  }

  /** Answers an upgrade request: refuse it on `socket`, or accept it with `this.wss.handleUpgrade`. */
  protected abstract upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void;

  async listen(): Promise<ClusterApi> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return fakeClusterApi(this.server);
  }

  close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    return new Promise((r) => this.server.close(() => r()));
  }
}
