// What Apply, Create, Delete and Run need of a cluster: the dry run's discovery and requests, any request with the
// manifest's own text (so no field is lost to client-side models), and the generic delete of the cluster facade.
import { ApiRequestError, type ApiResponse } from '../cluster/apiRequest';
import type { ClusterApi } from '../cluster/clusterApi';
import { clusterDryRunTransport } from '../dryRun/clusterDryRunTransport';
import { collectionPath, objectPath } from '../dryRun/dryRunRequest';
import type { DryRunTransport } from '../dryRun/dryRunValidate';
import { nameOf, type ObjectTarget } from './manifestTargets';

export type KubeObject = Record<string, unknown> & { metadata?: Record<string, unknown> };

export interface ObjectTransport extends DryRunTransport {
  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: string, contentType?: string): Promise<ApiResponse>;
  deleteObject: ClusterApi['deleteObject'];
}

export function clusterObjectTransport(api: ClusterApi): ObjectTransport {
  return {
    ...clusterDryRunTransport(api),
    request: (method, path, body, contentType) => api.request(path, { method, body, contentType }),
    deleteObject: (ref, options) => api.deleteObject(ref, options),
  };
}

export function targetPath(t: ObjectTarget): string {
  return objectPath(t.request.apiVersion, t.request.resource.name, t.request.namespace, nameOf(t));
}

export function targetCollection(t: ObjectTarget): string {
  return collectionPath(t.request.apiVersion, t.request.resource.name, t.request.namespace);
}

/** The object as the server stores it, or undefined when there is none; any other answer is the server's refusal. */
export async function readLive(transport: ObjectTransport, path: string): Promise<KubeObject | undefined> {
  const response = await transport.request('GET', path);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw ApiRequestError.from(response);
  return JSON.parse(response.body) as KubeObject;
}

export function isSuccess(response: ApiResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Who may not do this at all: a refusal no manifest edit can fix, reported as a failure rather than in Problems. */
export function isAccessRefusal(response: ApiResponse): boolean {
  return response.status === 401 || response.status === 403;
}

export function resourceVersionOf(o: KubeObject | undefined): string | undefined {
  const rv = o?.metadata?.resourceVersion;
  return typeof rv === 'string' ? rv : undefined;
}
