// Peer linters for the CLI benchmark, built from the Go module proxy into a cache outside the
// repository (never committed). kube-linter first; the proxy here refuses it (403), so kubectl-validate
// is the fallback the issue names. A missing toolchain or proxy gives a reason, not a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Peer {
  name: string;
  version: string;
  bin: string;
  /** Arguments to lint the given directory; output is discarded, only time and memory count. */
  args(dir: string): string[];
}

const CACHE = join(process.env.PODSCOPE_CACHE ?? join(homedir(), '.cache', 'podscope'), 'bench-peers');

const CANDIDATES: { name: string; module: string; version: string; binName: string; args: (dir: string) => string[] }[] = [
  { name: 'kube-linter', module: 'golang.stackrox.io/kube-linter/cmd/kube-linter', version: 'v0.7.6', binName: 'kube-linter', args: (dir) => ['lint', '--format', 'json', dir] },
  // Its built-in schemas; without a version it would ask a cluster. Kubernetes 1.30 is its newest.
  { name: 'kubectl-validate', module: 'sigs.k8s.io/kubectl-validate', version: 'v0.0.4', binName: 'kubectl-validate', args: (dir) => [dir, '--version', '1.30', '--output', 'json'] },
];

/** The first peer that is cached or can be built, with why the others could not. */
export function findPeer(log: (s: string) => void): { peer?: Peer; notes: string[] } {
  const notes: string[] = [];
  for (const c of CANDIDATES) {
    const dir = join(CACHE, `${c.name}-${c.version}`);
    const bin = join(dir, c.binName);
    if (!existsSync(bin)) {
      log(`building ${c.module}@${c.version} into ${dir}`);
      mkdirSync(dir, { recursive: true });
      const r = spawnSync('go', ['install', `${c.module}@${c.version}`], { env: { ...process.env, GOBIN: dir }, encoding: 'utf8', timeout: 30 * 60_000 });
      if (r.status !== 0 || !existsSync(bin)) {
        const why = (r.error?.message ?? r.stderr.trim().split('\n').filter((l) => !l.startsWith('go: downloading')).slice(-1)[0] ?? `exit ${r.status}`).slice(0, 200);
        notes.push(`${c.name} ${c.version} could not be built: ${why}`);
        continue;
      }
    }
    return { peer: { name: c.name, version: c.version, bin, args: c.args }, notes };
  }
  return { notes };
}
