// Why a tar in the container failed, in words the user can act on. The one failure worth its own message is a
// container without tar (distroless and scratch images): the runtime refuses to start it, or a shell says "not found"
// with the shell's exit code 127 (126: found but not executable). Runtimes report a missing executable only as text
// (runc, containerd and kwok all pass on Go's os/exec error), so that text is matched.
import { describeOutcome, type ExecOutcome } from '../exec/execStatus';

export class CopyError extends Error {
  override readonly name = 'CopyError';
}

const NOT_FOUND_EXIT_CODES = new Set([126, 127]);
// `exec: "tar": executable file not found in $PATH` (runc, containerd, kwok); by path, runc's `exec: "/x/tar": stat
// /x/tar: no such file or directory` and Go's own `fork/exec /x/tar: no such file or directory` (kwok).
const MISSING_EXECUTABLE = /(?:exec: "[^"]*\btar"|fork\/exec \S*\btar): (?:executable file not found|stat \S*: no such file or directory|no such file or directory|permission denied)/i;

/** True when the outcome says the container cannot run tar at all. */
export function isNoTar(outcome: ExecOutcome): boolean {
  if (outcome.kind === 'exited') return NOT_FOUND_EXIT_CODES.has(outcome.exitCode);
  return outcome.kind === 'error' && MISSING_EXECUTABLE.test(outcome.message);
}

/** undefined when tar succeeded; else the message for a failed copy, with tar's own complaint. */
export function tarFailure(outcome: ExecOutcome, stderr: string): string | undefined {
  if (outcome.kind === 'exited' && outcome.exitCode === 0) return undefined;
  const said = meaningfulStderr(stderr);
  const reason = said || describeOutcome(outcome);
  if (isNoTar(outcome)) return `the container has no tar: ${reason}`;
  if (outcome.kind === 'exited') return said ? `tar failed (exit code ${outcome.exitCode}): ${said}` : reason;
  return said ? `${describeOutcome(outcome)}: ${said}` : describeOutcome(outcome);
}

/** What GNU tar says on every absolute path, and its closing line after an error it already named. */
const TAR_NOTICES = [/^tar: Removing leading [`'"]?\/['"]? from member names$/, /^tar: Exiting with failure status due to previous errors$/];

/** tar's stderr without its routine notices. */
export function meaningfulStderr(stderr: string): string {
  return stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !TAR_NOTICES.some((n) => n.test(l))).join('; ');
}

/** The user cancelled: the copy stopped and cleaned up, and there is nothing to report. */
export class CopyCancelledError extends CopyError {
  constructor() {
    super('the copy was cancelled');
  }
}
