// The `ports` entries of a pod's containers as plain values, with the nodes to point at, after
// the API server's defaulting (protocol TCP; under hostNetwork a Pod's unset hostPort becomes its
// containerPort — SetDefaults_Pod, so Pods only, not templates). Ephemeral containers are left out:
// the API server forbids ports on them, so the API rules own that.
import type { Document, Node, YAMLMap } from 'yaml';
import type { PathSeg } from '../../path';
import { mapItems, type ContainerRef } from '../../podModel';
import type { PodContext } from '../../rule';
import { getNode, getNumber, getScalar, getString } from '../../yamlNodes';

export interface PortDecl {
  container: ContainerRef;
  index: number;
  node: YAMLMap;
  /** `...ports[i]`, the path the API server's warnings name. */
  path: PathSeg[];
  /** Undefined when missing or not a number (the schema rules report that). */
  containerPort: number | undefined;
  /** 0 when unset, as in the API (after hostNetwork defaulting). */
  hostPort: number;
  /** "" when unset, as in the API. */
  hostIP: string;
  /** Defaulted to TCP, as the API server does before validation. */
  protocol: string;
  name: string | undefined;
}

export function portsOf(c: ContainerRef, doc: Document, hostNetworkDefaults = false): PortDecl[] {
  return mapItems(c.node, 'ports', c.path, doc).map((item) => {
    const containerPort = getNumber(item.node, 'containerPort', doc);
    const hostPort = getNumber(item.node, 'hostPort', doc) || (hostNetworkDefaults ? containerPort ?? 0 : 0);
    return port(c, item, containerPort, hostPort, doc);
  });
}

function port(c: ContainerRef, item: { index: number; node: YAMLMap; path: PathSeg[] }, containerPort: number | undefined, hostPort: number, doc: Document): PortDecl {
  return {
    container: c,
    index: item.index,
    node: item.node,
    path: item.path,
    containerPort,
    hostPort,
    hostIP: getString(item.node, 'hostIP', doc) ?? '',
    protocol: getString(item.node, 'protocol', doc) ?? 'TCP',
    name: getString(item.node, 'name', doc) || undefined,
  };
}

/** Ports of init and app containers, in the API server's visiting order (init first). */
export function podPorts(ctx: PodContext): PortDecl[] {
  const hostNetworkDefaults = ctx.object.kind === 'Pod' && getScalar(ctx.spec, 'hostNetwork', ctx.doc) === true;
  return ctx.containers.filter((c) => c.group !== 'ephemeralContainers').flatMap((c) => portsOf(c, ctx.doc, hostNetworkDefaults));
}

/**
 * Entries validation rejects outright (AccumulateUniqueHostPorts: a protocol/hostIP/hostPort may
 * appear once across spec.containers, and once within each init container). The API rules report
 * them, and the object never runs, so the run-time rules skip them.
 */
export function rejectedPorts(ports: readonly PortDecl[]): Set<PortDecl> {
  const out = new Set<PortDecl>();
  // One pass, grouped by hostPort/protocol/hostIP: which containers used the key, and whether an app container did.
  const seen = new Map<string, { containers: Set<unknown>; app: boolean }>();
  for (const p of ports) {
    if (p.hostPort === 0) continue;
    const key = `${p.hostPort}/${p.protocol}/${p.hostIP}`;
    const earlier = seen.get(key);
    const isApp = p.container.group === 'containers';
    if (earlier && (earlier.containers.has(p.container) || (isApp && earlier.app))) out.add(p);
    if (earlier) {
      earlier.containers.add(p.container);
      earlier.app ||= isApp;
    } else seen.set(key, { containers: new Set([p.container]), app: isApp });
  }
  return out;
}

/** The node of one field of a port entry, falling back to the entry itself. */
export function portField(p: PortDecl, key: string, doc: Document): { node: Node; path: PathSeg[] } {
  const node = getNode(p.node, key, doc);
  return node ? { node, path: [...p.path, key] } : { node: p.node, path: p.path };
}

/** `8080/TCP`, the key the API server groups ports by. */
export function portKey(p: Pick<PortDecl, 'containerPort' | 'protocol'>): string {
  return `${p.containerPort}/${p.protocol}`;
}
