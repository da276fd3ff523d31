// Which pod port a forward reaches, resolved against the pod a connection goes to (a rollout may renumber a named
// port), with kubectl's rules and wording (k8s.io/kubectl pkg/util: LookupContainerPortNumberByServicePort,
// LookupContainerPortNumberByName; pkg/cmd/portforward translateServicePortToTargetPort).
import type { ServiceLike } from '../cluster/services';

interface ContainerPorts {
  name: string;
  ports?: { containerPort: number; name?: string; protocol?: string }[];
}

/** What port lookups read of a pod or a pod template. */
export interface PodPorts {
  metadata?: { name?: string };
  spec?: { containers?: ContainerPorts[]; initContainers?: ContainerPorts[] };
}

/** The port a forward asks for: a number, a container port by name, or a Service's port. */
export type RemotePort =
  | { kind: 'number'; port: number }
  | { kind: 'named'; name: string }
  | { kind: 'service'; service: ServiceLike; port: number };

/** The ports a pod (or pod template) declares, for the quick pick (TCP only: the API server forwards TCP). */
export function declaredPorts(pod: PodPorts): { container: string; port: number; name?: string }[] {
  return (pod.spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => ({ container: c.name, port: p.containerPort, name: p.name })));
}

export function containerPortByName(pod: PodPorts, name: string): number {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const found = c.ports?.find((p) => p.name === name);
    if (found) return found.containerPort;
  }
  throw new Error(`Pod '${pod.metadata?.name ?? ''}' does not have a named port '${name}'`);
}

/** The container port a Service port sends to on `pod`: its targetPort, by number or by the pod's port name. */
export function targetPortFor(service: ServiceLike, pod: PodPorts, port: number): number {
  const spec = service.spec?.ports?.find((p) => p.port === port);
  if (!spec) throw new Error(`Service ${service.metadata.name} does not have a service port ${port}`);
  // A headless Service has no proxy in front: its port is the pod's.
  if (service.spec?.clusterIP === 'None') return port;
  if (typeof spec.targetPort === 'string') return containerPortByName(pod, spec.targetPort);
  const target = Number(spec.targetPort ?? 0);
  return target === 0 ? spec.port : target;
}

/** The pod port `remote` means on `pod`. Throws kubectl's message when a name does not resolve there. */
export function resolvePort(remote: RemotePort, pod: PodPorts): number {
  if (remote.kind === 'number') return remote.port;
  if (remote.kind === 'named') return containerPortByName(pod, remote.name);
  return targetPortFor(remote.service, pod, remote.port);
}

/** `8080`, `http`, `service port 80`: how labels name the asked-for port. */
export function remotePortText(remote: RemotePort): string {
  return remote.kind === 'number' ? String(remote.port) : remote.kind === 'named' ? remote.name : String(remote.port);
}
