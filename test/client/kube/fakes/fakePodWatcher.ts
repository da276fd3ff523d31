// The selector's pods as a port-forward target sees them, driven by the test: add, change and remove pods and the
// target hears what an informer would tell it. Also a pod builder for the fields the pod choice reads.
import type { V1Pod } from '@kubernetes/client-node';
import type { InformerListener } from '../../../../client/src/kube/cluster/informer';
import type { PodWatcher } from '../../../../client/src/kube/portForward/forwardTarget';

export class FakePodWatcher implements PodWatcher {
  private readonly store = new Map<string, V1Pod>();
  private listener: InformerListener | undefined;
  started = false;

  /** The factory a SelectorTarget takes. */
  readonly factory = (listener: InformerListener): PodWatcher => {
    this.listener = listener;
    return this;
  };

  start(): void {
    this.started = true;
    this.listener?.onState({ kind: 'synced' });
  }

  stop(): void {
    this.started = false;
  }

  pods(): IterableIterator<V1Pod> {
    return this.store.values();
  }

  put(pod: V1Pod): void {
    const name = pod.metadata!.name!;
    const previous = this.store.get(name);
    this.store.set(name, pod);
    if (previous) this.listener?.onUpdate(pod, previous);
    else this.listener?.onAdd(pod);
  }

  remove(name: string): void {
    const pod = this.store.get(name);
    if (!pod) return;
    this.store.delete(name);
    this.listener?.onDelete(pod);
  }

  reconnecting(message: string): void {
    this.listener?.onState({ kind: 'reconnecting', problem: { kind: 'other', message }, retryInMs: 1000 });
  }
}

export interface PodFacts {
  uid?: string;
  phase?: string;
  ready?: boolean;
  /** ms since the epoch. */
  readySince?: number;
  created?: number;
  node?: string;
  restarts?: number;
  deleting?: number;
  /** containerPort of the port named "http". */
  httpPort?: number;
}

export function forwardPod(name: string, f: PodFacts = {}): V1Pod {
  const ready = f.ready ?? true;
  return {
    metadata: {
      name,
      namespace: 'ns',
      uid: f.uid ?? `uid-${name}`,
      creationTimestamp: f.created === undefined ? undefined : new Date(f.created),
      deletionTimestamp: f.deleting === undefined ? undefined : new Date(f.deleting),
    },
    spec: { nodeName: f.node ?? 'node-1', containers: [{ name: 'app', ports: [{ name: 'http', containerPort: f.httpPort ?? 8080 }] }] },
    status: {
      phase: f.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: f.readySince === undefined ? undefined : new Date(f.readySince) }],
      containerStatuses: [{ name: 'app', restartCount: f.restarts ?? 0, image: 'i', imageID: '', ready }],
    },
  } as V1Pod;
}
