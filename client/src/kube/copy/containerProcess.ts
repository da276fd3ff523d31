// A command run in a container without a TTY, as the copy commands and the container file system need it: streamed
// output, input with flow control, the outcome, and a way to stop. Behind a function type so unit tests can run the
// commands locally instead of through an API server.
import type { ClusterApi } from '../cluster/clusterApi';
import { ExecSession, type ExecOutput } from '../exec/execSession';
import type { ExecOutcome } from '../exec/execStatus';

export interface ContainerRef {
  namespace: string;
  pod: string;
  container: string;
}

export interface ContainerProcess {
  write(data: Buffer): void;
  /** Input bytes written but not yet sent. */
  readonly unsent: number;
  endInput(): void;
  close(): void;
  /** The command's outcome (the server's exit status). */
  readonly done: Promise<ExecOutcome>;
  /** The connection is gone: all output has arrived. */
  readonly closed: Promise<void>;
}

export type RunInContainer = (command: readonly string[], out: ExecOutput) => Promise<ContainerProcess>;

/** Runs commands in `at` by exec, over the context's ClusterApi. */
export function execIn(api: Pick<ClusterApi, 'exec'>, at: ContainerRef): RunInContainer {
  return (command, out) => ExecSession.open(api, { ...at, command, tty: false }, out);
}

/** After the exit status, how long output may still trail it before the connection closes. */
const TRAILING_OUTPUT_MS = 5_000;

/** Waits for the outcome and for the output that may follow it (bounded: a server that never closes cannot hang us). */
export async function finished(proc: ContainerProcess): Promise<ExecOutcome> {
  const outcome = await proc.done;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([proc.closed, new Promise<void>((resolve) => { timer = setTimeout(resolve, TRAILING_OUTPUT_MS); })]);
  clearTimeout(timer);
  return outcome;
}

export interface CommandResult {
  outcome: ExecOutcome;
  stdout: Buffer;
  stderr: string;
}

/** Runs a short command to its end and collects what it printed (a listing, a small file, `test -d`). */
export async function runCollect(run: RunInContainer, command: readonly string[], maxBytes = 64 * 1024 * 1024): Promise<CommandResult> {
  const parts: Buffer[] = [];
  let size = 0;
  let stderr = '';
  let tooLarge = false;
  const proc = await run(command, {
    stdout: (d) => {
      size += d.length;
      if (size > maxBytes) tooLarge = true;
      else parts.push(Buffer.from(d));
    },
    stderr: (d) => { stderr += d.toString('utf8'); },
  });
  const outcome = await finished(proc);
  proc.close();
  if (tooLarge) throw new Error(`the output of "${command.join(' ')}" is larger than ${maxBytes} bytes`);
  return { outcome, stdout: Buffer.concat(parts), stderr };
}
