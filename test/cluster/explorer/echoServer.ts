// The TCP server kwok forwards a pod port to (test/cluster/portForwardRoutes.ts): it echoes every byte back and counts
// what it accepts, so a test sees bytes cross client → kube-apiserver → kwok → here and back, which pod port they
// reached (one server per port).
import { createServer, type Server, type Socket } from 'node:net';

export class EchoServer {
  accepted = 0;
  private readonly open = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {
    server.on('connection', (socket) => {
      this.accepted++;
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.pipe(socket);
    });
  }

  static async listen(port: number, what: string): Promise<EchoServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(new Error(`the echo server for ${what} cannot listen on 127.0.0.1:${port} (the port kwok forwards it to): ${err.code ?? err.message}`)));
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return new EchoServer(server, port);
  }

  close(): Promise<void> {
    for (const s of this.open) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
