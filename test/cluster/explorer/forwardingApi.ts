// A ClusterApi that hands every call to the real one. The cluster tests' counting and fault-injecting wrappers extend
// it and override only the calls they watch, so a call added to ClusterApi needs no change in each of them.
// `streamsLists` is not handed on: the wrappers inject faults into listPods, so the informers over them page; a
// wrapper that tests streaming lists declares it.
import type { ClusterApi } from '../../../client/src/kube/cluster/clusterApi';

type Args<K extends keyof ClusterApi> = ClusterApi[K] extends (...a: infer A) => unknown ? A : never;

export class ForwardingApi implements ClusterApi {
  constructor(protected readonly real: ClusterApi) {}
  get contextName() { return this.real.contextName; }
  get timeoutMs() { return this.real.timeoutMs; }
  listNamespaces(...a: Args<'listNamespaces'>) { return this.real.listNamespaces(...a); }
  listPods(...a: Args<'listPods'>) { return this.real.listPods(...a); }
  watchPods(...a: Args<'watchPods'>) { return this.real.watchPods(...a); }
  readPod(...a: Args<'readPod'>) { return this.real.readPod(...a); }
  deletePod(...a: Args<'deletePod'>) { return this.real.deletePod(...a); }
  deleteObject(...a: Args<'deleteObject'>) { return this.real.deleteObject(...a); }
  listPodEvents(...a: Args<'listPodEvents'>) { return this.real.listPodEvents(...a); }
  listEvents(...a: Args<'listEvents'>) { return this.real.listEvents(...a); }
  watchEvents(...a: Args<'watchEvents'>) { return this.real.watchEvents(...a); }
  readNode(...a: Args<'readNode'>) { return this.real.readNode(...a); }
  readPodLog(...a: Args<'readPodLog'>) { return this.real.readPodLog(...a); }
  listPodMetrics(...a: Args<'listPodMetrics'>) { return this.real.listPodMetrics(...a); }
  request(...a: Args<'request'>) { return this.real.request(...a); }
  logStreamer() { return this.real.logStreamer(); }
  exec() { return this.real.exec(); }
  portForwarder() { return this.real.portForwarder(); }
  attacher(...a: Args<'attacher'>) { return this.real.attacher(...a); }
}
