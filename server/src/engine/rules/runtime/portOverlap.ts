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

/** Earlier entries of one containerPort/protocol kept per container and per kind of container. */
const CANDIDATES_PER_GROUP = 4;

/**
 * (later, earlier) pairs sharing containerPort/protocol, in the API server's order. Every pair would
 * be quadratic (2,000 containers on one port: 2 M pairs), so each entry is paired only with the first
 * few earlier entries of its own container and of each kind of other container (regular init,
 * sidecar, app) — enough for every rule to find the first partner it reports.
 */
export function samePortPairs(ports: readonly PortDecl[]): PortPair[] {
  const groups = new Map<string, { own: Map<unknown, PortDecl[]>; byKind: Map<string, PortDecl[]> }>();
  const order = new Map<PortDecl, number>();
  const out: PortPair[] = [];
  ports.forEach((port, i) => {
    if (port.containerPort === undefined) return;
    order.set(port, i);
    const key = portKey(port);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { own: new Map(), byKind: new Map() }));
    const own = group.own.get(port.container) ?? [];
    const kind = kindOf(port);
    const sameKind = group.byKind.get(kind) ?? [];
    const earlier = new Set<PortDecl>(own);
    for (const list of group.byKind.values()) for (const p of list) if (p.container !== port.container) earlier.add(p);
    for (const other of [...earlier].sort((a, b) => order.get(a)! - order.get(b)!)) out.push({ port, other, kind: classify(port, other) });
    if (own.length < CANDIDATES_PER_GROUP) group.own.set(port.container, [...own, port]);
    if (sameKind.length < CANDIDATES_PER_GROUP && !sameKind.some((p) => p.container === port.container)) group.byKind.set(kind, [...sameKind, port]);
  });
  return out;
}

function kindOf(port: PortDecl): string {
  const c = port.container;
  return c.group === 'initContainers' ? (c.isSidecar ? 'sidecar' : 'init') : c.group;
}
