// A container whose exec runs the command on this machine (as kwok's exec does), without an API server: the copy code
// sees real tar output and real exit codes. Faults: a missing executable reported the way container runtimes report
// it, stdin's end never passed on (kwok), output cut after N bytes with a clean exit, and a stalled stream.
import { spawn } from 'node:child_process';
import type { ContainerProcess, RunInContainer } from '../../../../client/src/kube/copy/containerProcess';
import type { ExecOutcome } from '../../../../client/src/kube/exec/execStatus';

export interface FakeContainerOptions {
  /** Commands whose program is missing: the runtime's refusal, as runc and kwok word it. */
  missing?: readonly string[];
  /** Keep the command's stdin open after endInput(), as kwok does. */
  withholdEof?: boolean;
  /** Forward only this many stdout bytes, then report exit 0 as if nothing was lost. */
  cutStdoutAfter?: number;
  /** Deliver stdout in chunks of this size (default: as the process writes it). */
  chunkSize?: number;
}

export interface FakeContainer {
  run: RunInContainer;
  /** Every command run, in order. */
  readonly commands: string[][];
  /** Processes still running. */
  readonly live: number;
}

export function fakeContainer(options: FakeContainerOptions = {}): FakeContainer {
  const commands: string[][] = [];
  let live = 0;
  const run: RunInContainer = async (command, out) => {
    commands.push([...command]);
    let settle!: (o: ExecOutcome) => void;
    let markClosed!: () => void;
    const done = new Promise<ExecOutcome>((r) => { settle = r; });
    const closed = new Promise<void>((r) => { markClosed = r; });
    if (options.missing?.includes(command[0])) {
      settle({ kind: 'error', message: `Internal error occurred: error executing command in container: cmd start: ${command.join(' ')} : exec: "${command[0]}": executable file not found in $PATH` });
      markClosed();
      return { write() {}, unsent: 0, endInput() {}, close() {}, done, closed };
    }
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    live += 1;
    let forwarded = 0;
    let cut = false;
    child.stdout.on('data', (d: Buffer) => {
      if (cut) return;
      let data = d;
      if (options.cutStdoutAfter !== undefined && forwarded + data.length >= options.cutStdoutAfter) {
        data = data.subarray(0, options.cutStdoutAfter - forwarded);
        cut = true;
      }
      forwarded += data.length;
      const size = options.chunkSize ?? data.length;
      for (let at = 0; at < data.length; at += size) out.stdout(data.subarray(at, at + size));
      if (cut) { settle({ kind: 'exited', exitCode: 0 }); child.kill(); }
    });
    child.stderr.on('data', (d: Buffer) => out.stderr(d));
    child.stdin.on('error', () => undefined);
    child.on('error', (err) => { settle({ kind: 'error', message: err.message }); });
    child.on('close', (code, signal) => {
      live -= 1;
      settle(code === null ? { kind: 'error', message: `killed by ${signal}` } : { kind: 'exited', exitCode: code });
      markClosed();
    });
    const proc: ContainerProcess = {
      write: (data) => { child.stdin.write(data); },
      get unsent() { return child.stdin.writableLength; },
      endInput: () => { if (!options.withholdEof) child.stdin.end(); },
      close: () => { child.kill(); },
      done,
      closed,
    };
    return proc;
  };
  return { run, commands, get live() { return live; } };
}
