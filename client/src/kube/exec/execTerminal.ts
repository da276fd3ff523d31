// The VS Code side of an exec session: a Pseudoterminal that forwards keystrokes and size changes, prints the
// container's output, and keeps the terminal open after the shell ends so its exit status can be read.
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import { describeOutcome, type ExecOutcome } from './execStatus';
import { ExecSession, type ExecRequest } from './execSession';

export type ExecTerminalRequest = Omit<ExecRequest, 'columns' | 'rows' | 'tty'>;

const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function openExecTerminal(api: ClusterApi, request: ExecTerminalRequest, name: string): vscode.Terminal {
  const pty = new ExecPseudoterminal(api, request);
  const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon('terminal') });
  terminal.show();
  return terminal;
}

class ExecPseudoterminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private session: ExecSession | undefined;
  private ended = false;
  private exitCode: number | undefined;

  constructor(private readonly api: ClusterApi, private readonly request: ExecTerminalRequest) {}

  open(dims: vscode.TerminalDimensions | undefined): void {
    const out = new StringDecoder('utf8');
    const err = new StringDecoder('utf8');
    ExecSession.open(this.api, { ...this.request, tty: true, columns: dims?.columns, rows: dims?.rows }, {
      stdout: (d) => this.writeEmitter.fire(out.write(d)),
      stderr: (d) => this.writeEmitter.fire(err.write(d)),
    }).then(
      (session) => {
        this.session = session;
        void session.done.then((outcome) => this.end(outcome));
      },
      (e: unknown) => this.end({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }

  handleInput(data: string): void {
    if (this.ended) {
      this.closeEmitter.fire(this.exitCode);
      return;
    }
    this.session?.write(data);
  }

  setDimensions(dims: vscode.TerminalDimensions): void {
    this.session?.resize(dims.columns, dims.rows);
  }

  close(): void {
    // The user closed the terminal: nothing is left to show the outcome in.
    this.ended = true;
    this.session?.close();
  }

  private end(outcome: ExecOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.exitCode = outcome.kind === 'exited' ? outcome.exitCode : undefined;
    const colour = outcome.kind === 'exited' && outcome.exitCode === 0 ? DIM : RED;
    this.writeEmitter.fire(`\r\n${colour}[podscope] ${describeOutcome(outcome)}${RESET}\r\n${DIM}Press any key to close the terminal.${RESET}\r\n`);
  }
}
