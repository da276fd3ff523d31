// One `exec` into a container over client-node's websocket Exec (or one `attach` to its main process over its Attach):
// stdin in, stdout/stderr out, terminal size on the resize channel, and the outcome from the status channel. No VS
// Code here; the terminal is a thin layer on top.
import { PassThrough, Writable } from 'node:stream';
import type { V1Status } from '@kubernetes/client-node';
import type { ClusterApi } from '../cluster/clusterApi';
import type WebSocket from 'ws';
import { execOutcome, type ExecOutcome } from './execStatus';

export interface ExecRequest {
  namespace: string;
  pod: string;
  container: string;
  command: readonly string[];
  tty: boolean;
  /** Initial terminal size (tty only). */
  columns?: number;
  rows?: number;
}

/** Attach to the container's main process: stdin and a TTY only as far as the container has them. */
export interface AttachRequest {
  namespace: string;
  pod: string;
  container: string;
  stdin: boolean;
  tty: boolean;
  columns?: number;
  rows?: number;
}

export interface ExecOutput {
  stdout(data: Buffer): void;
  /** With a TTY the server merges stderr into stdout, so this only sees data without one. */
  stderr(data: Buffer): void;
}

/**
 * The stdout stream client-node writes to. Having `rows`, `columns` and 'resize' events makes Exec open the resize
 * channel and send the size at start and after each 'resize' (client-node's TerminalSizeQueue).
 */
class TerminalOutput extends Writable {
  constructor(private readonly sink: (data: Buffer) => void, public columns: number, public rows: number) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.sink(chunk);
    callback();
  }
}

const ATTACH_ENDED: ExecOutcome = { kind: 'ended' };

function outputStream(request: { tty: boolean; columns?: number; rows?: number }, out: ExecOutput): Writable {
  return request.tty ? new TerminalOutput(out.stdout, request.columns ?? 80, request.rows ?? 24) : sinkStream(out.stdout);
}

function sinkStream(sink: (data: Buffer) => void): Writable {
  return new Writable({ write(chunk: Buffer, _e, callback) { sink(chunk); callback(); } });
}

export class ExecSession {
  /** Settles once: with the exit status, or an error when the connection ends without one. */
  readonly done: Promise<ExecOutcome>;
  /**
   * Settles when the connection is gone. Some servers (kwok) send the exit status before the command's last output,
   * so a reader of the whole output waits for this too.
   */
  readonly closed: Promise<void>;
  private finish!: (outcome: ExecOutcome) => void;
  private markClosed!: () => void;
  private socket: WebSocket | undefined;
  private closedByUs = false;

  private constructor(
    private readonly stdin: PassThrough,
    private readonly output: TerminalOutput | undefined,
    /** What a clean close without a status means: an error for exec; for attach, the stream simply ended. */
    private readonly cleanClose?: ExecOutcome,
  ) {
    this.done = new Promise((resolve) => {
      let settled = false;
      this.finish = (o) => { if (!settled) { settled = true; resolve(o); } };
    });
    this.closed = new Promise((resolve) => { this.markClosed = resolve; });
  }

  /** Connects; rejects with the API server's reason when the exec is refused (forbidden, container not running). */
  static async open(api: Pick<ClusterApi, 'exec'>, request: ExecRequest, out: ExecOutput): Promise<ExecSession> {
    const stdin = new PassThrough();
    const stdout = outputStream(request, out);
    const session = new ExecSession(stdin, stdout instanceof TerminalOutput ? stdout : undefined);
    const exec = api.exec();
    const socket = await exec.exec(
      request.namespace, request.pod, request.container, [...request.command],
      stdout, sinkStream(out.stderr), stdin, request.tty,
      (status: V1Status) => session.finish(execOutcome(status)),
    );
    session.bind(socket);
    return session;
  }

  /**
   * Attaches to the container's main process, as `kubectl attach` does. The server's status says how it ended:
   * Success when the process exited or the server closed the stream, Failure when the runtime could not attach.
   */
  static async attach(api: Pick<ClusterApi, 'attacher'>, request: AttachRequest, out: ExecOutput): Promise<ExecSession> {
    const stdin = new PassThrough();
    const stdout = outputStream(request, out);
    const session = new ExecSession(stdin, stdout instanceof TerminalOutput ? stdout : undefined, ATTACH_ENDED);
    const attach = api.attacher((status) => session.finish(status.status === 'Success' ? ATTACH_ENDED : execOutcome(status)));
    const socket = await attach.attach(
      request.namespace, request.pod, request.container, stdout, sinkStream(out.stderr), request.stdin ? stdin : null, request.tty,
    );
    session.bind(socket);
    return session;
  }

  write(data: string | Buffer): void {
    this.stdin.write(data);
  }

  /** Input written but not yet handed to the network: a large upload waits while this is high. */
  get unsent(): number {
    return this.socket?.bufferedAmount ?? 0;
  }

  /** Tells the server there is no more input (the command sees EOF on stdin). */
  endInput(): void {
    this.stdin.end();
  }

  resize(columns: number, rows: number): void {
    const out = this.output;
    if (!out || (out.columns === columns && out.rows === rows)) return;
    out.columns = columns;
    out.rows = rows;
    out.emit('resize');
  }

  close(): void {
    this.closedByUs = true;
    this.socket?.close();
    this.finish({ kind: 'error', message: 'the session was closed' });
    this.markClosed();
  }

  private bind(socket: WebSocket): void {
    this.socket = socket;
    const lost = (why: string) => this.finish(
      this.closedByUs ? { kind: 'error', message: 'the session was closed' } : { kind: 'error', message: why },
    );
    socket.on('close', (code: number, reason: Buffer) => {
      this.markClosed();
      // Status arrives before close; reaching here unsettled means the connection dropped.
      const text = reason.toString('utf8');
      // 1006: no close frame at all, which is what a restarted API server or a cut network leaves.
      if (code === 1000 && this.cleanClose) this.finish(this.cleanClose);
      lost(code === 1006
        ? 'the connection to the container was lost (the API server or the network went away; websocket 1006)'
        : `the connection to the container closed (${code}${text ? `: ${text}` : ''})`);
    });
    socket.on('error', (err: Error) => lost(`the connection to the container failed: ${err.message}`));
  }
}
