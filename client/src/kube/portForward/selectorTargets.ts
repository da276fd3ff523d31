// The switching targets of a forward to a Service or a workload: the selector's pods, watched by the explorer's
// informer (list + watch, resumed after a dropped connection, re-listed after a 410), in the object's namespace.
import type { ClusterApi } from '../cluster/clusterApi';
import { PodInformer } from '../cluster/informer';
import { serviceSelector, type ServiceLike } from '../cluster/services';
import { selectorString, workloadName, type Workload, type WorkloadKind } from '../cluster/workloads';
import type { RemotePort } from './forwardPorts';
import { SelectorTarget, type SelectorTargetOptions } from './forwardTarget';

/** The workload kinds a forward can follow: those whose pods serve for long (kubectl also takes Jobs, which end). */
export const FORWARD_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet'] as const satisfies readonly WorkloadKind[];

export function isForwardKind(kind: WorkloadKind): kind is (typeof FORWARD_KINDS)[number] {
  return (FORWARD_KINDS as readonly string[]).includes(kind);
}

function selectorTarget(api: ClusterApi, name: string, namespace: string, labelSelector: string, remote: RemotePort, options?: SelectorTargetOptions): SelectorTarget {
  return new SelectorTarget(name, remote, (listener) => new PodInformer(api, { namespace, labelSelector }, listener), options);
}

/** `service/web` port `port`: each connection goes to the Service's targetPort on the pod chosen. */
export function serviceTarget(api: ClusterApi, service: ServiceLike, port: number, options?: SelectorTargetOptions): SelectorTarget {
  return selectorTarget(api, `service/${service.metadata.name}`, service.metadata.namespace, serviceSelector(service), { kind: 'service', service, port }, options);
}

export function workloadTarget(api: ClusterApi, workload: Workload, remote: RemotePort, options?: SelectorTargetOptions): SelectorTarget {
  if (!isForwardKind(workload.kind)) throw new Error(`cannot port-forward to ${workloadName(workload)}: its pods run to completion; forward to a Service, Deployment, StatefulSet, ReplicaSet or DaemonSet`);
  return selectorTarget(api, workloadName(workload), workload.metadata.namespace, selectorString(workload.spec?.selector), remote, options);
}
