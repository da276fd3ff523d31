// Pairs of port entries with one containerPort/protocol, classified the way kube-apiserver's
// warningsForPodSpecAndMeta (pkg/api/pod/warnings.go) does before it prints
// "duplicate port definition", "overlapping port definition" or "dangerously ambiguous port definition".
import { portKey, type PortDecl } from './portDecls';

export type OverlapKind = 'duplicate' | 'overlapping' | 'dangerously ambiguous';

export interface PortPair {
  /** The later entry in the API server's order (init containers, then containers). */
  port: PortDecl;
  /** The earlier entry it collides with. */
  other: PortDecl;
  /** What the API server says about the pair, or undefined when it says nothing. */
  kind: OverlapKind | undefined;
}

export function classify(port: PortDecl, other: PortDecl): OverlapKind | undefined {
  if (port.hostIP === other.hostIP && port.hostPort === other.hostPort) return 'duplicate';
  if (port.hostPort === 0 || other.hostPort === 0) return 'overlapping';
  const a = port.hostIP === '';
  const b = other.hostIP === '';
  if (port.hostPort === other.hostPort && a !== b) return 'dangerously ambiguous';
  return undefined;
}

/** Every (later, earlier) pair sharing containerPort/protocol, in the API server's order. */
export function samePortPairs(ports: readonly PortDecl[]): PortPair[] {
  const seen = new Map<string, PortDecl[]>();
  const out: PortPair[] = [];
  for (const port of ports) {
    if (port.containerPort === undefined) continue;
    const key = portKey(port);
    const earlier = seen.get(key) ?? [];
    for (const other of earlier) out.push({ port, other, kind: classify(port, other) });
    seen.set(key, [...earlier, port]);
  }
  return out;
}
