// Adds the debug container through the pod's `ephemeralcontainers` subresource, as kubectl debug does: a strategic
// merge PATCH (the PUT of an EphemeralContainers object is the pre-1.22 API, which no supported server serves). A
// 404 whose Status names no object is the subresource missing, not the pod: kubectl words it as disabled ephemeral
// containers, and so do we.
import type { V1EphemeralContainer, V1Pod } from '@kubernetes/client-node';
import { ApiRequestError, statusOf, type ApiResponse } from '../cluster/apiRequest';
import type { ClusterApi } from '../cluster/clusterApi';
import { podPath } from '../actions/podYaml';
import { ephemeralPatch } from './debugContainer';

export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';

export function ephemeralContainersPath(namespace: string, pod: string): string {
  return `${podPath(namespace, pod)}/ephemeralcontainers`;
}

/** The error a refused PATCH becomes; forbidden and missing pods keep the API server's own message. */
export function addFailure(response: ApiResponse): ApiRequestError {
  const status = statusOf(response);
  if (response.status === 404 && !status?.details?.name) {
    const server = status?.message ?? (response.body.trim().slice(0, 200) || 'the server could not find the requested resource');
    const message = `ephemeral containers are disabled for this cluster: it has no pods/ephemeralcontainers subresource (error from server: "${server}")`;
    // The body is what a failure report reads the message from, so it carries ours.
    return new ApiRequestError(404, message, { ...status, message });
  }
  return ApiRequestError.from(response);
}

/** Adds `container` to the pod; resolves with the pod as the server stored it (its resourceVersion starts the wait). */
export async function addEphemeralContainer(
  api: Pick<ClusterApi, 'request'>, namespace: string, pod: string, container: V1EphemeralContainer,
): Promise<V1Pod> {
  const response = await api.request(ephemeralContainersPath(namespace, pod), {
    method: 'PATCH', body: ephemeralPatch(container), contentType: STRATEGIC_MERGE_PATCH,
  });
  if (response.status !== 200) throw addFailure(response);
  return JSON.parse(response.body) as V1Pod;
}
