// Expands the PATH arguments: files as given, directories searched recursively for *.yaml / *.yml.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors';

const YAML_FILE = /\.ya?ml$/i;
/** Never manifests, often huge: skipped while recursing (a path given explicitly is still read). */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const stats = statOrThrow(p);
    if (stats.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new CliError(`cannot read directory ${dir}: ${errnoText(err)}`, 'io');
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) out.push(...walk(p));
    } else if (YAML_FILE.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(p)))) {
      out.push(p);
    }
  }
  return out;
}

function statOrThrow(p: string): Stats {
  try {
    return statSync(p);
  } catch (err) {
    throw new CliError(`${p}: ${errnoText(err)}`, 'io');
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `ENOENT: no such file or directory, stat 'x'` -> `no such file or directory`. */
export function errnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many symbolic links',
  };
  return (e.code && known[e.code]) ?? e.message ?? String(err);
}
