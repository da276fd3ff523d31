// Create, reuse, inspect and delete the local cluster (kwokctl --runtime binary). Callers hold the
// cluster lock (lock.ts) around up/down; status is read-only.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { binDir as requestedBinDir, ensureBinaries } from './binaries';
import { COMPONENTS, componentPids, liveComponents, reap } from './componentProcesses';
import { kubectlFor, type Kubectl } from './kubectl';
import { renderKwokConfig } from './kwokConfig';
import { CLUSTER_NAME, type ClusterLayout } from './layout';
import type { PodRow } from './podTable';
import { ensureRestrictedUser } from './restrictedUser';
import { until } from '../support/until';
import { seedCluster } from './seed/seeder';

export type StartedBy = 'cli' | 'test';

export interface ClusterState {
  /** Who created it: a cluster a test created is deleted when the last test lets go of it. */
  startedBy: StartedBy;
  binDir: string;
  server: string;
  kubeconfig: string;
  restrictedKubeconfig: string;
  createdAt: string;
}

export interface UpResult {
  state: ClusterState;
  created: boolean;
  pods: PodRow[];
}

type Log = (line: string) => void;

export function readState(layout: ClusterLayout): ClusterState | undefined {
  try {
    return JSON.parse(readFileSync(layout.stateFile, 'utf8')) as ClusterState;
  } catch {
    return undefined;
  }
}

function writeState(layout: ClusterLayout, state: ClusterState): void {
  writeFileSync(layout.stateFile, JSON.stringify(state, null, 2));
}

/** Running means: every component process alive and the API server answering /readyz. */
export async function clusterStatus(layout: ClusterLayout): Promise<{ running: boolean; state?: ClusterState; reason: string }> {
  const state = readState(layout);
  if (!state) return { running: false, reason: `no cluster state at ${layout.stateFile}` };
  const live = liveComponents(layout);
  const dead = COMPONENTS.filter((c) => !live.has(c));
  if (dead.length > 0) return { running: false, state, reason: `not running: ${dead.join(', ')}` };
  const ready = await kubectlFor(state.binDir, state.kubeconfig).run(['get', '--raw', '/readyz'], undefined, 10_000);
  if (ready.code !== 0) return { running: false, state, reason: `API server not ready: ${ready.stderr.trim()}` };
  return { running: true, state, reason: `running, API server ${state.server}` };
}

function kwokctl(layout: ClusterLayout, binDir: string, args: string[]): Promise<number> {
  mkdirSync(layout.root, { recursive: true });
  const out = openSync(layout.kwokctlLog, 'a');
  // Output goes to a file, not a pipe: the components kwokctl leaves running must not hold our pipes open.
  const child = spawn(join(binDir, 'kwokctl'), ['--name', CLUSTER_NAME, ...args], {
    cwd: layout.root,
    stdio: ['ignore', out, out],
    env: { ...process.env, KWOK_WORKDIR: layout.kwokWorkdir, PATH: `${binDir}:${process.env.PATH ?? ''}` },
  });
  return new Promise((resolve) => {
    child.on('close', (code) => {
      closeSync(out);
      resolve(code ?? 1);
    });
    child.on('error', () => resolve(1));
  });
}

/** Our own kubeconfig (context "podscope") pointing at kwokctl's PKI files; nothing secret inline. */
function writeAdminKubeconfig(layout: ClusterLayout): string {
  const kwok = parse(readFileSync(join(layout.clusterDir, 'kubeconfig.yaml'), 'utf8')) as {
    clusters: { cluster: { server: string } }[];
  };
  const server = kwok.clusters[0].cluster.server;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'podscope', cluster: { server, 'certificate-authority': join(layout.pkiDir, 'ca.crt') } }],
    users: [{ name: 'podscope-admin', user: { 'client-certificate': join(layout.pkiDir, 'admin.crt'), 'client-key': join(layout.pkiDir, 'admin.key') } }],
    contexts: [{ name: 'podscope', context: { cluster: 'podscope', user: 'podscope-admin', namespace: 'default' } }],
    'current-context': 'podscope',
  };
  writeFileSync(layout.kubeconfig, stringify(config), { mode: 0o600 });
  return server;
}

/** Everything under root except the lock the caller holds. */
function wipe(layout: ClusterLayout): void {
  if (!existsSync(layout.root)) return;
  for (const name of readdirSync(layout.root)) {
    if (join(layout.root, name) !== layout.lockDir) rmSync(join(layout.root, name), { recursive: true, force: true });
  }
}

async function create(layout: ClusterLayout, startedBy: StartedBy, log: Log): Promise<UpResult> {
  const binDir = await ensureBinaries(log);
  wipe(layout);
  mkdirSync(layout.logsDir, { recursive: true });
  mkdirSync(layout.execSandbox, { recursive: true });
  writeFileSync(layout.kwokConfig, renderKwokConfig(layout, binDir));
  log(`creating cluster "${CLUSTER_NAME}" in ${layout.root}`);
  const code = await kwokctl(layout, binDir, ['--config', layout.kwokConfig, 'create', 'cluster', '--runtime', 'binary', '--kubeconfig', '']);
  if (code !== 0) throw new Error(`kwokctl create cluster exited ${code}; see ${layout.kwokctlLog}`);
  const server = writeAdminKubeconfig(layout);
  const admin = kubectlFor(binDir, layout.kubeconfig);
  await until('API server /readyz', async () => ((await admin.run(['get', '--raw', '/readyz'], undefined, 10_000)).code === 0 ? true : undefined), { timeoutMs: 60_000, intervalMs: 300 });
  await ensureMetricsServer(layout, binDir, admin, log);
  const restrictedKubeconfig = await ensureRestrictedUser(layout, admin, server);
  const state: ClusterState = { startedBy, binDir, server, kubeconfig: layout.kubeconfig, restrictedKubeconfig, createdAt: new Date().toISOString() };
  writeState(layout, state);
  log('seeding pods');
  return { state, created: true, pods: await seedCluster(admin, layout) };
}

/** metrics-server restarts tried before its own last words are reported instead. */
const METRICS_SERVER_RESTARTS = 3;

/**
 * kwokctl starts metrics-server without waiting for the API server, and metrics-server exits when its first request
 * is refused: `kwokctl start cluster` starts again only what is not running, until the metrics API is served.
 */
async function ensureMetricsServer(layout: ClusterLayout, binDir: string, admin: Kubectl, log: Log): Promise<void> {
  const available = ['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[?(@.type=="Available")].status}'];
  let restarts = 0;
  const outcome = await until('the metrics API (metrics-server)', async () => {
    if (!liveComponents(layout).has('metrics-server')) {
      if (restarts === METRICS_SERVER_RESTARTS) return 'exits';
      restarts++;
      log('metrics-server exited (the API server was not up yet); starting it again');
      await kwokctl(layout, binDir, ['start', 'cluster']);
    }
    return (await admin.run(available, undefined, 10_000)).stdout.trim() === 'True' ? 'served' : undefined;
  }, { timeoutMs: 60_000, intervalMs: 300 });
  if (outcome === 'exits') {
    const logFile = join(layout.clusterDir, 'logs', 'metrics-server.log');
    const said = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').find((l) => /^(Error|panic): /.test(l)) : undefined;
    throw new Error(`metrics-server exits at start${said ? `: ${said}` : ''}; see ${logFile}`);
  }
}

async function reuse(layout: ClusterLayout, state: ClusterState, startedBy: StartedBy, claim: boolean): Promise<UpResult> {
  // A cluster someone asked for explicitly must not be torn down by the tests that borrow it. A borrower that
  // only reuses (the demo inside a test run) leaves ownership alone, so the test that started it stops it.
  const next = claim && startedBy === 'cli' && state.startedBy === 'test' ? { ...state, startedBy } : state;
  writeState(layout, next);
  const admin: Kubectl = kubectlFor(state.binDir, state.kubeconfig);
  await ensureRestrictedUser(layout, admin, state.server);
  return { state: next, created: false, pods: await seedCluster(admin, layout) };
}

export async function clusterUp(layout: ClusterLayout, startedBy: StartedBy, log: Log, claim = true): Promise<UpResult> {
  const status = await clusterStatus(layout);
  if (status.running && status.state) {
    // K8S_VERSION (or PODSCOPE_BIN) picks the binaries: a running cluster of other binaries is not the one asked for.
    const wanted = await requestedBinDir();
    if (status.state.binDir !== wanted) {
      throw new Error(`the cluster in ${layout.root} runs ${status.state.binDir}, not ${wanted}${process.env.K8S_VERSION ? ` (K8S_VERSION=${process.env.K8S_VERSION})` : ''}: stop it (npm run cluster:down) or use another PODSCOPE_CLUSTER_DIR`);
    }
    // kwok reads its config (log files, port-forward targets) only when it starts: a cluster started from another
    // config would answer differently from what the tests expect.
    if (existsSync(layout.kwokConfig) && readFileSync(layout.kwokConfig, 'utf8') !== renderKwokConfig(layout, status.state.binDir)) {
      throw new Error(`the cluster in ${layout.root} was started with another kwok configuration (${layout.kwokConfig}): stop it (npm run cluster:down) or use another PODSCOPE_CLUSTER_DIR`);
    }
    return reuse(layout, status.state, startedBy, claim);
  }
  if (status.state || existsSync(layout.clusterDir)) {
    log(`replacing a broken cluster (${status.reason})`);
    await clusterDown(layout, log);
  }
  return create(layout, startedBy, log);
}

/** Stops every component and removes the cluster's files. Returns how many processes had to be killed. */
export async function clusterDown(layout: ClusterLayout, log: Log): Promise<{ stopped: number; killed: number }> {
  const pids = [...componentPids(layout).values()];
  const binDir = readState(layout)?.binDir;
  if (binDir && existsSync(layout.clusterDir)) {
    // --kubeconfig names the file kwokctl would remove its context from: a scratch path keeps ~/.kube/config untouched.
    const code = await kwokctl(layout, binDir, ['delete', 'cluster', '--kubeconfig', join(layout.root, 'kwokctl-scratch-kubeconfig')]);
    if (code !== 0) log(`kwokctl delete cluster exited ${code}; stopping the processes by pid`);
  }
  const killed = await reap(pids, layout);
  wipe(layout);
  return { stopped: pids.length, killed: killed.length };
}
