// Where the local cluster keeps its files. One fixed root (not a fresh temp dir per run) so that a
// second `cluster:up`, or a test process, finds and reuses the cluster that is already running.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLUSTER_NAME = 'podscope';

export interface ClusterLayout {
  root: string;
  /** KWOK_WORKDIR: kwokctl keeps PKI, pids, component logs and etcd data under clusters/<name>. */
  kwokWorkdir: string;
  clusterDir: string;
  pidsDir: string;
  pkiDir: string;
  kwokConfig: string;
  kwokctlLog: string;
  kubeconfig: string;
  restrictedKubeconfig: string;
  restrictedDir: string;
  /** Container log files in CRI format, served by kwok for `kubectl logs`. */
  logsDir: string;
  /** Working directory of `kubectl exec` commands (they run on this host, inside kwok). */
  execSandbox: string;
  stateFile: string;
  lockDir: string;
  leasesDir: string;
}

export function clusterLayout(root = process.env.PODSCOPE_CLUSTER_DIR || join(tmpdir(), 'podscope-cluster')): ClusterLayout {
  const kwokWorkdir = join(root, 'kwok');
  const clusterDir = join(kwokWorkdir, 'clusters', CLUSTER_NAME);
  return {
    root,
    kwokWorkdir,
    clusterDir,
    pidsDir: join(clusterDir, 'pids'),
    pkiDir: join(clusterDir, 'pki'),
    kwokConfig: join(root, 'kwok-config.yaml'),
    kwokctlLog: join(root, 'kwokctl.log'),
    kubeconfig: join(root, 'kubeconfig.yaml'),
    restrictedKubeconfig: join(root, 'kubeconfig-restricted.yaml'),
    restrictedDir: join(root, 'restricted-user'),
    logsDir: join(root, 'logs'),
    execSandbox: join(root, 'exec-sandbox'),
    stateFile: join(root, 'state.json'),
    lockDir: join(root, '.lock'),
    leasesDir: join(root, '.leases'),
  };
}
