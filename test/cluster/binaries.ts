// Finds the locally built cluster binaries, building them once (via build-binaries.sh) when missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { run } from './run';
import { ClusterUnavailableError } from './clusterUnavailable';

const SCRIPT = join(__dirname, 'build-binaries.sh');
export const REQUIRED_BINARIES = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl', 'kwok', 'kwokctl', 'metrics-server'];

export async function binDir(): Promise<string> {
  const r = await run('bash', [SCRIPT, 'path']);
  if (r.code !== 0) throw new Error(`build-binaries.sh path failed: ${r.stderr.trim()}`);
  return r.stdout.trim().split('\n').pop()!;
}

export function missingBinaries(dir: string): string[] {
  return REQUIRED_BINARIES.filter((b) => !existsSync(join(dir, b)));
}

async function haveGo(): Promise<boolean> {
  try {
    return (await run('go', ['version'])).code === 0;
  } catch {
    return false;
  }
}

/**
 * Returns the bin dir with every binary present. A cold build takes minutes, so its progress goes
 * straight to our stderr; without Go the cluster cannot exist here, which callers report as a skip.
 */
export async function ensureBinaries(log: (line: string) => void): Promise<string> {
  const dir = await binDir();
  const missing = missingBinaries(dir);
  if (missing.length === 0) return dir;
  if (!(await haveGo())) {
    throw new ClusterUnavailableError(`cluster binaries missing (${missing.join(', ')} in ${dir}) and no Go toolchain to build them: install Go 1.26 or newer (the \`go\` command on PATH), then run npm run cluster:build`);
  }
  log(`building missing cluster binaries (${missing.join(', ')}); a cold build takes several minutes`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn('bash', [SCRIPT, 'all'], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (c) => resolve(c ?? 1));
    child.on('error', () => resolve(1));
  });
  const still = missingBinaries(dir);
  if (code !== 0 || still.length > 0) {
    throw new ClusterUnavailableError(`building cluster binaries failed (exit ${code}); still missing: ${still.join(', ') || 'none'}`);
  }
  return dir;
}
