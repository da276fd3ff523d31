// Where kwok sends a port-forward. kwok (the fake kubelet) has no container to forward into: a `ClusterPortForward`
// tells it, per pod port, which address to dial for each forwarded connection. Two pod ports go to two TCP servers on
// 127.0.0.1 that the tests start (test/cluster/explorer/echoServer.ts), so bytes really travel client → kube-apiserver
// → kwok → server and back, and a test can tell which pod port a connection reached. Any other port is refused by
// kwok ("no forward found for port N"), which the refusal tests rely on.
import { createHash } from 'node:crypto';
import type { ClusterLayout } from './layout';

/** The pod ports kwok forwards (what test pods declare as containerPorts "http" and "metrics"). */
export const FORWARDED_POD_PORTS = { http: 8080, metrics: 9090 } as const;
export type ForwardedPort = keyof typeof FORWARDED_POD_PORTS;

/**
 * The local port each forwarded pod port lands on. Fixed per cluster folder (kwok reads its config once, at start), and
 * different between folders, so two clusters on one machine (the shared one and the faults test's) never share one.
 */
export function echoPorts(layout: ClusterLayout): Record<ForwardedPort, number> {
  // Below Linux's ephemeral range (32768+), where an outgoing connection could hold the port, and below the ports
  // kwokctl gives the cluster's components (just under 32768).
  const base = 20_000 + (createHash('sha256').update(layout.root).digest().readUInt32BE(0) % 5_000) * 2;
  return { http: base, metrics: base + 1 };
}

export function kwokPortForwardObjects(layout: ClusterLayout): object[] {
  const ports = echoPorts(layout);
  return [{
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'ClusterPortForward',
    metadata: { name: 'echo' },
    spec: {
      forwards: (Object.keys(FORWARDED_POD_PORTS) as ForwardedPort[]).map((p) => ({
        ports: [FORWARDED_POD_PORTS[p]],
        target: { address: '127.0.0.1', port: ports[p] },
      })),
    },
  }];
}
