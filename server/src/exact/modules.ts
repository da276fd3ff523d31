// Where the exact-validator modules are, one per Kubernetes version, and which one a file uses.
// Bundles carry them in dist/exact/<version>/ (`npm run build` puts them there from the build
// cache, which is keyed by version and source hash and never read at run time).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minorOf } from '../engine/schema/minor';

export const MODULE_FILE = 'exact.wasm.gz';

/** Folders searched in order: $PODSCOPE_EXACT_DIR, then the bundle's own exact/ folder. */
export function moduleDirs(bundleDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return [env.PODSCOPE_EXACT_DIR, join(bundleDir, 'exact')].filter((d): d is string => !!d);
}

/** The repository's dist/ (for tests and tools that run from source). */
export const REPO_DIST = join(__dirname, '..', '..', '..', 'dist');

export interface ModuleEntry {
  /** Full version, e.g. `v1.36.1`. */
  version: string;
  /** `1.36` */
  minor: string;
  file: string;
}

/** Modules found, one per minor (the first folder that has a minor wins), newest first. */
export function findModules(dirs: readonly string[]): ModuleEntry[] {
  const byMinor = new Map<string, ModuleEntry>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const version of names) {
      const minor = minorOf(version);
      const file = join(dir, version, MODULE_FILE);
      if (!minor || byMinor.has(minor) || !existsSync(file)) continue;
      byMinor.set(minor, { version, minor, file });
    }
  }
  return [...byMinor.values()].sort((a, b) => compareMinor(b.minor, a.minor));
}

export { minorOf };

function compareMinor(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
}

export interface VersionChoice {
  module?: ModuleEntry;
  /** Why this module (or none): shown in the status bar and the output channel. */
  reason: string;
}

/**
 * `auto`: the connected cluster's minor when a module for it is bundled, else the newest bundled
 * one. A minor (`1.35`): that module, or none (a version the user asked for is never swapped).
 */
export function chooseVersion(setting: string, clusterVersion: string | undefined, modules: readonly ModuleEntry[]): VersionChoice {
  if (!modules.length) return { reason: 'no exact-validation modules are installed' };
  if (setting && setting !== 'auto') {
    const minor = minorOf(setting);
    const module = modules.find((m) => m.minor === minor);
    return module
      ? { module, reason: `podscope.kubernetesVersion is ${setting}` }
      : { reason: `podscope.kubernetesVersion is ${setting}, but only ${modules.map((m) => m.minor).join(', ')} are bundled` };
  }
  const clusterMinor = clusterVersion ? minorOf(clusterVersion) : undefined;
  const match = clusterMinor ? modules.find((m) => m.minor === clusterMinor) : undefined;
  if (match) return { module: match, reason: `the cluster of the current context runs ${clusterVersion}` };
  const newest = modules[0]!;
  return {
    module: newest,
    reason: clusterMinor ? `the cluster runs ${clusterVersion}, which is not bundled; using the newest bundled version` : 'no cluster answers; using the newest bundled version',
  };
}
