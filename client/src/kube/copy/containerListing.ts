// Reads a container's files with what nearly every image has: a POSIX shell for listings and stat, `cat` for
// contents. Listing by a shell loop rather than parsing `ls`: names are NUL-separated, so spaces and newlines in
// names survive, and busybox, dash and bash all run it.
import { runCollect, type RunInContainer } from './containerProcess';
import { describeOutcome } from '../exec/execStatus';
import { meaningfulStderr } from './tarFailure';

export type ContainerFileType = 'file' | 'directory' | 'other';

export interface ContainerDirEntry {
  name: string;
  type: ContainerFileType;
  symlink: boolean;
}

export interface ContainerStat {
  type: ContainerFileType;
  size: number;
  /** Milliseconds since the epoch; 0 when the container has no `stat`. */
  mtime: number;
}

export class ContainerPathError extends Error {
  override readonly name = 'ContainerPathError';
  constructor(message: string, readonly notFound: boolean) {
    super(message);
  }
}

const LIST_SCRIPT = [
  'cd -- "$1" || exit 3',
  'for f in .* *; do',
  '  case "$f" in .|..) continue;; esac',
  '  [ -e "$f" ] || [ -L "$f" ] || continue',
  '  if [ -d "$f" ]; then t=d; elif [ -f "$f" ]; then t=f; else t=o; fi',
  '  if [ -L "$f" ]; then t="l$t"; fi',
  "  printf '%s/%s\\0' \"$t\" \"$f\"",
  'done',
].join('\n');

const STAT_SCRIPT = [
  'if [ -d "$1" ]; then t=d; elif [ -f "$1" ]; then t=f; elif [ -e "$1" ]; then t=o; else echo none; exit 0; fi',
  "s=$(stat -L -c '%s %Y' -- \"$1\" 2>/dev/null) || s='0 0'",
  'echo "$t $s"',
].join('\n');

const TYPES: Record<string, ContainerFileType> = { d: 'directory', f: 'file', o: 'other' };

export function listCommand(dir: string): string[] {
  return ['sh', '-c', LIST_SCRIPT, 'sh', dir];
}

export function parseListing(output: Buffer): ContainerDirEntry[] {
  return output.toString('utf8').split('\0').filter((r) => r.includes('/')).map((record) => {
    const slash = record.indexOf('/');
    const tag = record.slice(0, slash);
    const symlink = tag.startsWith('l');
    return { name: record.slice(slash + 1), type: TYPES[symlink ? tag.slice(1) : tag] ?? 'other', symlink };
  });
}

export function parseStat(output: string): ContainerStat | undefined {
  const [tag, size, mtime] = output.trim().split(/\s+/);
  if (tag === 'none' || !TYPES[tag]) return undefined;
  return { type: TYPES[tag], size: Number(size) || 0, mtime: (Number(mtime) || 0) * 1000 };
}

function failure(doing: string, result: { outcome: Parameters<typeof describeOutcome>[0]; stderr: string }): ContainerPathError {
  const said = meaningfulStderr(result.stderr);
  return new ContainerPathError(`${doing}: ${said || describeOutcome(result.outcome)}`, false);
}

const succeeded = (r: { outcome: { kind: string; exitCode?: number } }) => r.outcome.kind === 'exited' && r.outcome.exitCode === 0;

export async function listDirectory(run: RunInContainer, dir: string): Promise<ContainerDirEntry[]> {
  const result = await runCollect(run, listCommand(dir));
  if (result.outcome.kind === 'exited' && result.outcome.exitCode === 3) throw new ContainerPathError(`${dir}: no such directory`, true);
  if (!succeeded(result)) throw failure(`listing ${dir}`, result);
  return parseListing(result.stdout);
}

export async function statPath(run: RunInContainer, path: string): Promise<ContainerStat> {
  const result = await runCollect(run, ['sh', '-c', STAT_SCRIPT, 'sh', path]);
  if (!succeeded(result)) throw failure(`reading ${path}`, result);
  const stat = parseStat(result.stdout.toString('utf8'));
  if (!stat) throw new ContainerPathError(`${path}: no such file or directory`, true);
  return stat;
}

/** Files larger than this are copied, not opened. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

export async function readContainerFile(run: RunInContainer, path: string): Promise<Uint8Array> {
  const result = await runCollect(run, ['cat', '--', path], MAX_OPEN_BYTES);
  if (!succeeded(result)) throw failure(`reading ${path}`, result);
  return result.stdout;
}
