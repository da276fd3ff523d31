// The pod as `kubectl get pod -o yaml` shows it: the object exactly as the API server returns it (read raw, so no
// field is lost to client-side models), managedFields stripped, keys sorted and lists not indented, as kubectl does.
import type { KubeConfig } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { apiRequest, ApiRequestError } from '../cluster/apiRequest';

export function podPath(namespace: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
}

export async function readRawPod(kubeConfig: KubeConfig, namespace: string, name: string): Promise<Record<string, unknown>> {
  const response = await apiRequest(kubeConfig, podPath(namespace, name));
  if (response.status !== 200) throw ApiRequestError.from(response);
  return JSON.parse(response.body) as Record<string, unknown>;
}

export function podYamlText(pod: Record<string, unknown>): string {
  const copy = structuredClone(pod);
  const meta = copy.metadata as Record<string, unknown> | undefined;
  if (meta) delete meta.managedFields;
  return stringify(copy, { version: '1.1', sortMapEntries: true, indentSeq: false, lineWidth: 0 });
}

export async function fetchPodYaml(kubeConfig: KubeConfig, namespace: string, name: string): Promise<string> {
  return podYamlText(await readRawPod(kubeConfig, namespace, name));
}
