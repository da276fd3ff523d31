// Expands the PATH arguments: files as given, directories searched recursively for *.yaml / *.yml.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const YAML_FILE = /\.ya?ml$/i;
/** Never manifests, often huge: skipped while recursing (a path given explicitly is still read). */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * A path that does not exist, cannot be read or is not a regular file is kept: lint.ts reports it
 * as a finding of that file and checks the others.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (isDirectory(p)) out.push(...walk(p));
    else out.push(p);
  }
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [dir]; // reported by lint.ts with the reason (permission denied, ...)
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

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
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
