// The V1Status an exec session ends with, on the websocket's status channel (3). Success carries no code; a non-zero
// exit is reason NonZeroExitCode with the number in a cause of reason ExitCode (what kubectl prints as
// "command terminated with exit code N"); anything else is an error running the command at all.
import type { V1Status } from '@kubernetes/client-node';

export type ExecOutcome =
  | { kind: 'exited'; exitCode: number }
  /** An attach whose stream ended without an error: the process exited (its code is not sent) or the server closed it. */
  | { kind: 'ended' }
  | { kind: 'error'; message: string };

export function execOutcome(status: V1Status | undefined): ExecOutcome {
  if (!status) return { kind: 'error', message: 'the connection closed without an exit status' };
  if (status.status === 'Success') return { kind: 'exited', exitCode: 0 };
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
    const code = cause?.message !== undefined ? Number.parseInt(cause.message, 10) : Number.NaN;
    if (Number.isInteger(code)) return { kind: 'exited', exitCode: code };
  }
  const trailing = /\bexit (?:status|code) (\d+)$/.exec(status.message?.trim() ?? '');
  if (trailing) return { kind: 'exited', exitCode: Number(trailing[1]) };
  return { kind: 'error', message: status.message || status.reason || 'the command failed' };
}

export function describeOutcome(outcome: ExecOutcome): string {
  switch (outcome.kind) {
    case 'exited': return `command terminated with exit code ${outcome.exitCode}`;
    case 'ended': return 'the attached process ended or the server closed the stream';
    case 'error': return outcome.message;
  }
}
