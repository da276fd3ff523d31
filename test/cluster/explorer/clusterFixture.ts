// The local cluster for the explorer's integration tests: started (or borrowed) once per file, released after, and a
// test skips with the reason when the cluster cannot run here.
import { after, before, type TestContext } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { createClusterApi, type ClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import { ClusterUnavailableError, ensureCluster, type Cluster } from '../cluster';

export interface ClusterFixture {
  /** The cluster, or undefined after t.skip() was called. */
  need(t: TestContext): Cluster | undefined;
  kubeConfig(path: string): KubeConfig;
  /** The ClusterApi of the kubeconfig's current context, as the explorer would make it. */
  api(path: string): ClusterApi;
}

export interface ClusterHooks {
  /** Runs once the cluster is up (e.g. creates the file's namespace); a failure fails the file. */
  prepare?(cluster: Cluster): Promise<unknown>;
  /** Runs after the file's tests, before the cluster is released; `cluster` is undefined if it never came up. */
  cleanup?(cluster: Cluster | undefined): Promise<unknown>;
}

export function useCluster(what: string, hooks: ClusterHooks = {}): ClusterFixture {
  let cluster: Cluster | undefined;
  let skipReason = '';
  before(async () => {
    try {
      cluster = await ensureCluster();
      await hooks.prepare?.(cluster);
    } catch (err) {
      if (!(err instanceof ClusterUnavailableError)) throw err;
      skipReason = `local cluster unavailable: ${err.message}`;
      console.log(`# skipping ${what}: ${skipReason}`);
    }
  }, { timeout: 60 * 60_000 });
  after(async () => {
    await hooks.cleanup?.(cluster);
    await cluster?.release();
  });
  return {
    need(t) {
      if (!cluster) t.skip(skipReason);
      return cluster;
    },
    kubeConfig(path) {
      const kc = new KubeConfig();
      kc.loadFromFile(path);
      return kc;
    },
    api(path) {
      const kc = this.kubeConfig(path);
      return createClusterApi(kc, kc.getCurrentContext());
    },
  };
}

/** A new namespace that can take pods: created, and ready once its default ServiceAccount exists. */
export async function createPodNamespace(c: Cluster, name: string): Promise<void> {
  await c.kubectl.ok(['create', 'namespace', name]);
  await c.kubectl.ok(['wait', '--for=create', 'serviceaccount/default', '-n', name, '--timeout=60s']);
}
