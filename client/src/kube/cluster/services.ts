// Services, read through the API server for port-forwarding to one (kubectl port-forward svc/NAME): a namespace's
// Services and one by name. Raw requests, like workloads.ts, so the Service keeps the JSON shape (a targetPort is a
// number or a name).
import type { ClusterApi } from './clusterApi';
import { getJson } from './workloads';

type Api = Pick<ClusterApi, 'request'>;

export interface ServicePort {
  name?: string;
  port: number;
  /** A number, a container port's name, or absent (= port). */
  targetPort?: number | string;
  protocol?: string;
}

/** What a forward reads of a Service. */
export interface ServiceLike {
  metadata: { name: string; namespace: string };
  spec?: { selector?: Record<string, string>; ports?: ServicePort[]; clusterIP?: string };
}

const path = (namespace: string) => `/api/v1/namespaces/${encodeURIComponent(namespace)}/services`;

export async function listServices(api: Api, namespace: string): Promise<ServiceLike[]> {
  const list = await getJson<{ items?: ServiceLike[] }>(api, path(namespace));
  return (list.items ?? []).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function readService(api: Api, namespace: string, name: string): Promise<ServiceLike> {
  return getJson<ServiceLike>(api, `${path(namespace)}/${encodeURIComponent(name)}`);
}

/** The Service's pod selector in label-selector syntax; kubectl's refusal for a Service without one. */
export function serviceSelector(service: ServiceLike): string {
  const labels = Object.entries(service.spec?.selector ?? {});
  if (labels.length === 0) throw new Error(`invalid service '${service.metadata.name}': Service is defined without a selector`);
  return labels.map(([k, v]) => `${k}=${v}`).join(',');
}
