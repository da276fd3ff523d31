// The local cluster for a test file of the cluster phase: taken before its tests, released after them. Outside the
// phase (no PODSCOPE_TEST_KUBECONFIG) the file skips unless its opt-in variable is 1, rather than start a cluster
// in the unit phase; a machine that cannot run the cluster skips with the reason.
import { after, before } from 'node:test';
import { ClusterUnavailableError, ensureCluster, type Cluster } from './cluster';

export interface PhaseCluster {
  cluster?: Cluster;
  /** Why there is no cluster, for t.skip(). */
  unavailable: string;
}

export function phaseCluster(optIn: string): PhaseCluster {
  const state: PhaseCluster = { unavailable: '' };
  before(async () => {
    if (!process.env.PODSCOPE_TEST_KUBECONFIG && process.env[optIn] !== '1') {
      state.unavailable = `runs in the cluster phase (npm test -- --only=cluster) or with ${optIn}=1`;
      return;
    }
    try {
      state.cluster = await ensureCluster();
    } catch (err) {
      if (!(err instanceof ClusterUnavailableError)) throw err;
      state.unavailable = `no local cluster: ${err.message}`;
    }
  });
  after(async () => {
    await state.cluster?.release();
  });
  return state;
}
