// A kubeconfig for a fake API server listening on 127.0.0.1 over plain HTTP, with a bearer token user.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';

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
