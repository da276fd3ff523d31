// The VS Code side of an exec or attach session: a Pseudoterminal that forwards keystrokes and size changes, prints
// the container's output, and keeps the terminal open after the session ends so its outcome can be read. A terminal
// can hold a fallback: when a session fails before it printed anything (the runtime cannot attach), the next one
// opens in the same terminal (the debug container's exec after its attach). It also watches the pod: deleting it
// ends the session with a word saying so, where the stream itself might hang (kwok) or end with a bare exit code.
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import { watchPodDeletion, type PodDeletionStage, type PodDeletionWatch } from '../pod/podDeletion';
import { describeOutcome, type ExecOutcome } from './execStatus';
import { ExecSession, type ExecOutput, type ExecRequest } from './execSession';

export type ExecTerminalRequest = Omit<ExecRequest, 'columns' | 'rows' | 'tty'>;

/** Opens one session at the terminal's current size. */
export type SessionOpener = (size: { columns?: number; rows?: number }, out: ExecOutput) => Promise<ExecSession>;

export interface TerminalStep {
  open: SessionOpener;
  /** Without a TTY the output has bare newlines, which the terminal needs as CR LF. */
  tty: boolean;
  /** Printed (dimmed) when this step opens, e.g. the hint kubectl attach gives. */
  banner?: string;
}

export interface ChannelTerminalOptions {
  name: string;
  steps: readonly TerminalStep[];
  icon?: string;
  /**
   * Called once: with the outcome when the last session ends, or with `undefined` when the user closed the terminal
   * while a session still ran.
   */
  onEnd?(outcome: ExecOutcome | undefined): void;
  /** The pod the sessions run in, watched for deletion while the terminal is open. */
  podDeletion?: PodDeletionOption;
}

export interface PodDeletionOption {
  pod: string;
  /** How the session is named in the message, e.g. "attach session". */
  session: string;
  watch(onDeleted: (stage: PodDeletionStage) => void): Promise<PodDeletionWatch>;
}

/** Watches `pod` for the terminal, reporting both the start of its deletion and its removal. */
export function podDeletionOption(api: Pick<ClusterApi, 'readPod' | 'watchPods'>, namespace: string, pod: string, session: string): PodDeletionOption {
  return { pod, session, watch: (onDeleted) => watchPodDeletion(api, namespace, pod, onDeleted, { untilGone: true }) };
}

const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function openExecTerminal(api: ClusterApi, request: ExecTerminalRequest, name: string): vscode.Terminal {
  return openChannelTerminal({
    name,
    steps: [{ tty: true, open: (size, out) => ExecSession.open(api, { ...request, tty: true, ...size }, out) }],
    podDeletion: podDeletionOption(api, request.namespace, request.pod, 'shell session'),
  });
}

export function openChannelTerminal(options: ChannelTerminalOptions): vscode.Terminal {
  const pty = new ChannelPseudoterminal(options);
  const terminal = vscode.window.createTerminal({ name: options.name, pty, iconPath: new vscode.ThemeIcon(options.icon ?? 'terminal') });
  terminal.show();
  return terminal;
}

/** Bare LF to CR LF, leaving CR LF alone (a chunk may end between the two). */
export function toTerminalNewlines(text: string, previousEndedWithCr: boolean): string {
  return text.replace(/(\r?)\n/g, (m, cr: string, offset: number) => (cr || (offset === 0 && previousEndedWithCr) ? m : '\r\n'));
}

class ChannelPseudoterminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private session: ExecSession | undefined;
  private ended = false;
  private exitCode: number | undefined;
  private size: { columns?: number; rows?: number } = {};
  /** Keys typed before the session is connected; sent once it is, so nothing typed early is lost. */
  private pending: string[] = [];
  private deletionWatch: Promise<PodDeletionWatch | undefined> | undefined;

  constructor(private readonly options: ChannelTerminalOptions) {}

  open(dims: vscode.TerminalDimensions | undefined): void {
    this.size = { columns: dims?.columns, rows: dims?.rows };
    this.watchPod();
    this.run(0);
  }

  handleInput(data: string): void {
    if (this.ended) {
      this.closeEmitter.fire(this.exitCode);
      return;
    }
    if (this.session) this.session.write(data);
    else this.pending.push(data);
  }

  setDimensions(dims: vscode.TerminalDimensions): void {
    this.size = { columns: dims.columns, rows: dims.rows };
    this.session?.resize(dims.columns, dims.rows);
  }

  close(): void {
    // The user closed the terminal: nothing is left to show the outcome in.
    if (!this.ended) this.options.onEnd?.(undefined);
    this.ended = true;
    this.stopWatch();
    this.session?.close();
  }

  private watchPod(): void {
    const deletion = this.options.podDeletion;
    if (!deletion) return;
    // The process's last output during the grace period is still shown; the session ends once the pod is gone.
    this.deletionWatch = deletion.watch((stage) => {
      if (this.ended) return;
      if (stage === 'started') {
        this.writeEmitter.fire(`\r\n${DIM}[podscope] pod "${deletion.pod}" is being deleted; the ${deletion.session} ends when it is gone.${RESET}\r\n`);
        return;
      }
      this.end({ kind: 'error', message: `pod "${deletion.pod}" was deleted; the ${deletion.session} ended` });
      this.session?.close();
    }).catch(() => undefined);
  }

  private stopWatch(): void {
    void this.deletionWatch?.then((w) => w?.stop());
  }

  private run(index: number): void {
    const step = this.options.steps[index];
    if (step.banner) this.writeEmitter.fire(`${DIM}${step.banner}${RESET}\r\n`);
    let printed = false;
    let lastCr = false;
    const decoders = [new StringDecoder('utf8'), new StringDecoder('utf8')];
    const print = (which: number) => (d: Buffer) => {
      let text = decoders[which].write(d);
      if (text === '') return;
      printed = true;
      if (!step.tty) text = toTerminalNewlines(text, lastCr);
      lastCr = text.endsWith('\r');
      this.writeEmitter.fire(text);
    };
    const settle = (outcome: ExecOutcome) => {
      if (this.ended) return;
      const next = index + 1 < this.options.steps.length && outcome.kind === 'error' && !printed;
      if (!next) {
        this.end(outcome);
        return;
      }
      this.writeEmitter.fire(`${DIM}[podscope] ${describeOutcome(outcome)}${RESET}\r\n`);
      this.session = undefined;
      this.run(index + 1);
    };
    step.open(this.size, { stdout: print(0), stderr: print(1) }).then(
      (session) => {
        if (this.ended) {
          session.close();
          return;
        }
        this.session = session;
        for (const data of this.pending.splice(0)) session.write(data);
        void session.done.then(settle);
      },
      (e: unknown) => settle({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }

  private end(outcome: ExecOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.stopWatch();
    this.exitCode = outcome.kind === 'exited' ? outcome.exitCode : undefined;
    const calm = (outcome.kind === 'exited' && outcome.exitCode === 0) || outcome.kind === 'ended';
    this.writeEmitter.fire(`\r\n${calm ? DIM : RED}[podscope] ${describeOutcome(outcome)}${RESET}\r\n${DIM}Press any key to close the terminal.${RESET}\r\n`);
    this.options.onEnd?.(outcome);
  }
}
