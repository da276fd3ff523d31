// The pod as `kubectl get pod -o yaml` shows it: the object exactly as the API server returns it (read raw, so no
// field is lost to client-side models), managedFields stripped, keys sorted and lists not indented, as kubectl does.
import { stringify } from 'yaml';
import { ApiRequestError } from '../cluster/apiRequest';
import type { ClusterApi } from '../cluster/clusterApi';

export function podPath(namespace: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
}

export async function readRawPod(api: Pick<ClusterApi, 'request'>, namespace: string, name: string): Promise<Record<string, unknown>> {
  const response = await api.request(podPath(namespace, name));
  if (response.status !== 200) throw ApiRequestError.from(response);
  return JSON.parse(response.body) as Record<string, unknown>;
}

export function podYamlText(pod: Record<string, unknown>): string {
  const copy = structuredClone(pod);
  const meta = copy.metadata as Record<string, unknown> | undefined;
  if (meta) delete meta.managedFields;
  return stringify(copy, { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

export async function fetchPodYaml(api: Pick<ClusterApi, 'request'>, namespace: string, name: string): Promise<string> {
  return podYamlText(await readRawPod(api, namespace, name));
}
