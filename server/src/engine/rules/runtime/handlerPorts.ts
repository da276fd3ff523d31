// The port every probe and lifecycle handler of a pod points at. Only app containers and native
// sidecars are walked: the API server rejects probes and lifecycle on regular init containers and
// on ephemeral containers, and the API rules report that.
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { PathSeg } from '../../path';
import type { ContainerRef } from '../../podModel';
import { asMap, asScalar, getNode, getPair, getString } from '../../yamlNodes';

export type HandlerOwner = 'livenessProbe' | 'readinessProbe' | 'startupProbe' | 'postStart' | 'preStop';
export type HandlerAction = 'httpGet' | 'tcpSocket' | 'grpc';

export interface HandlerPort {
  container: ContainerRef;
  owner: HandlerOwner;
  action: HandlerAction;
  /** The `httpGet: {...}` pair, to point at the action's key. */
  actionPair: Pair;
  actionPath: PathSeg[];
  /** The `port` value node and its path; undefined when the port is missing. */
  node: Node | undefined;
  path: PathSeg[];
  value: string | number | undefined;
  /** True when the handler targets another host, so the pod's own ports say nothing about it. */
  hasHost: boolean;
}

const PROBES: readonly HandlerOwner[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const HOOKS: readonly HandlerOwner[] = ['postStart', 'preStop'];
const ACTIONS: readonly HandlerAction[] = ['httpGet', 'tcpSocket', 'grpc'];

export function handlerPorts(containers: readonly ContainerRef[], doc: Document): HandlerPort[] {
  const out: HandlerPort[] = [];
  for (const c of containers) {
    if (c.group === 'ephemeralContainers' || (c.group === 'initContainers' && !c.isSidecar)) continue;
    for (const owner of PROBES) collect(c, owner, asMap(getNode(c.node, owner, doc), doc), [...c.path, owner], doc, out);
    const lifecycle = asMap(getNode(c.node, 'lifecycle', doc), doc);
    for (const owner of HOOKS) {
      collect(c, owner, asMap(getNode(lifecycle, owner, doc), doc), [...c.path, 'lifecycle', owner], doc, out);
    }
  }
  return out;
}

function collect(c: ContainerRef, owner: HandlerOwner, handler: YAMLMap | undefined, base: PathSeg[], doc: Document, out: HandlerPort[]): void {
  if (!handler) return;
  for (const action of ACTIONS) {
    const actionPair = getPair(handler, action);
    const actionNode = asMap(actionPair?.value, doc);
    if (!actionPair || !actionNode) continue;
    const node = getNode(actionNode, 'port', doc);
    const raw = asScalar(node, doc)?.value;
    const value = typeof raw === 'string' || typeof raw === 'number' ? raw : undefined;
    const host = getString(actionNode, 'host', doc);
    const actionPath = [...base, action];
    out.push({ container: c, owner, action, actionPair, actionPath, node, path: [...actionPath, 'port'], value, hasHost: !!host });
  }
}

/** What follows when this handler can never succeed. */
export const WHEN_IT_FAILS: Record<HandlerOwner, string> = {
  livenessProbe: 'the kubelet restarts the container again and again',
  readinessProbe: 'the pod never becomes Ready, so Services send it no traffic',
  startupProbe: 'the kubelet kills and restarts the container once failureThreshold is reached',
  postStart: 'the kubelet kills the container right after it starts',
  preStop: 'the container is stopped without the graceful shutdown the hook was meant to run',
};

/** `liveness probe`, `postStart hook`, for messages. */
export function handlerLabel(owner: HandlerOwner): string {
  return owner.endsWith('Probe') ? `${owner.slice(0, -'Probe'.length)} probe` : `${owner} hook`;
}
