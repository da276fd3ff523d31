// A TCP proxy between a client and the API server that a test can sever, as a network outage would: every open
// connection is cut mid-stream and, until restore(), new ones are reset as soon as they arrive.
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export class SeverableProxy {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private down = false;
  /** Connections accepted while severed (each reset at once): proof that clients kept trying. */
  refused = 0;

  constructor(target: URL) {
    this.server = createServer((client) => {
      client.on('error', () => client.destroy());
      if (this.down) {
        this.refused++;
        client.resetAndDestroy();
        return;
      }
      const upstream = connect(Number(target.port), target.hostname);
      upstream.on('error', () => upstream.destroy());
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.once('close', () => { this.sockets.delete(s); client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  /** Cuts every open connection (a reset, no orderly close) and refuses new ones; returns how many were cut. */
  sever(): number {
    this.down = true;
    const open = [...this.sockets];
    for (const s of open) s.resetAndDestroy();
    return open.length / 2;
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.sever();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
