// A kubeconfig for a fake API server listening on 127.0.0.1 over plain HTTP, with a bearer token user.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { createClusterApi, type ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';

export const FAKE_TOKEN = 'test-token';

export function fakeKubeConfig(server: Server): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'fake', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'dev', token: FAKE_TOKEN }],
    contexts: [{ name: 'fake', cluster: 'fake', user: 'dev' }],
    currentContext: 'fake',
  });
  return kc;
}

/** The real ClusterApi over the fake server: what the explorer's features receive. */
export function fakeClusterApi(server: Server): ClusterApi {
  return createClusterApi(fakeKubeConfig(server), 'fake');
}
