// The local cluster as the scripts (test.mjs, demo.mjs) use it: `npm run cluster:*` in a child process, `up` read as
// the one JSON line `cluster:up -- --json` prints. Standard library only, like its callers.
import { spawnSync } from 'node:child_process';

const npmRun = (root, args, options = {}) => spawnSync('npm', ['run', '--silent', ...args], { cwd: root, encoding: 'utf8', ...options });

/** True when a cluster of this checkout's cluster folder is up. */
export function clusterRunning(root) {
  return npmRun(root, ['cluster:status'], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts the cluster, or reuses the running one (taking it over unless `claim` is false). Progress goes to stderr
 * (`stderr: 'inherit'` shows it live; 'pipe' returns it as `log`). Returns `{ kubeconfig, restrictedKubeconfig,
 * server, created }`, `{ unavailable: reason }` when this machine cannot run the cluster, or `{ failed: reason }`.
 */
export function clusterUp(root, { claim = true, stderr = 'pipe' } = {}) {
  const r = npmRun(root, ['cluster:up', '--', '--json'], {
    stdio: ['ignore', 'pipe', stderr],
    env: { ...process.env, PODSCOPE_CLUSTER_CLAIM: claim ? '1' : '0' },
  });
  const log = r.stderr ?? '';
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  let answer;
  try {
    answer = JSON.parse(line);
  } catch {
    return { failed: `cluster:up exited with ${r.status ?? r.signal} and printed no JSON`, log };
  }
  return { ...answer, log };
}

/** Stops the cluster; returns the exit status. */
export function clusterDown(root, { stderr = 'inherit' } = {}) {
  return npmRun(root, ['cluster:down'], { stdio: ['ignore', 'ignore', stderr] }).status;
}
