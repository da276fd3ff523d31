import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiRequestOptions, ApiResponse } from '../../../../client/src/kube/cluster/apiRequest';
import { addEphemeralContainer, STRATEGIC_MERGE_PATCH } from '../../../../client/src/kube/debug/addEphemeralContainer';
import { ephemeralContainer } from '../../../../client/src/kube/debug/debugContainer';
import { describeConnectionError, problemLabel } from '../../../../client/src/kube/cluster/connectionError';

/** What reportFailure shows after "…failed: ". */
const label = (err: unknown) => problemLabel(describeConnectionError(err));

function server(response: ApiResponse) {
  const calls: { path: string; options?: ApiRequestOptions }[] = [];
  return { calls, api: { request: async (path: string, options?: ApiRequestOptions) => { calls.push({ path, options }); return response; } } };
}

const status = (code: number, reason: string, message: string, details?: object) =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message, ...(details ? { details } : {}) });

const container = ephemeralContainer('debugger-abcde', { image: 'busybox:1.36', target: 'app' });

test('PATCHes the ephemeralcontainers subresource with a strategic merge patch and returns the stored pod', async () => {
  const stored = { metadata: { name: 'web', resourceVersion: '42' }, spec: { containers: [], ephemeralContainers: [container] } };
  const { calls, api } = server({ status: 200, body: JSON.stringify(stored), warnings: [] });
  const pod = await addEphemeralContainer(api, 'team a', 'web', container);
  assert.equal(pod.metadata?.resourceVersion, '42');
  assert.equal(calls[0].path, '/api/v1/namespaces/team%20a/pods/web/ephemeralcontainers');
  assert.equal(calls[0].options?.method, 'PATCH');
  assert.equal(calls[0].options?.contentType, STRATEGIC_MERGE_PATCH);
  assert.deepEqual(JSON.parse(calls[0].options!.body!), { spec: { ephemeralContainers: [container] } });
});

test('a 404 naming no object is a cluster without the subresource, worded as kubectl words it', async () => {
  const { api } = server({ status: 404, body: status(404, 'NotFound', 'the server could not find the requested resource', {}), warnings: [] });
  const err = await addEphemeralContainer(api, 'ns', 'web', container).catch((e: unknown) => e);
  assert.equal(
    label(err),
    'Not found (404): ephemeral containers are disabled for this cluster: it has no pods/ephemeralcontainers subresource (error from server: "the server could not find the requested resource")',
  );
});

test('a missing pod and a forbidden user keep the API server\'s message', async () => {
  const gone = server({ status: 404, body: status(404, 'NotFound', 'pods "web" not found', { name: 'web', kind: 'pods' }), warnings: [] });
  assert.equal(
    label(await addEphemeralContainer(gone.api, 'ns', 'web', container).catch((e: unknown) => e)),
    'Not found (404): pods "web" not found',
  );
  const message = 'pods "web" is forbidden: User "dev" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "ns"';
  const denied = server({ status: 403, body: status(403, 'Forbidden', message, { name: 'web', kind: 'pods' }), warnings: [] });
  assert.equal(
    label(await addEphemeralContainer(denied.api, 'ns', 'web', container).catch((e: unknown) => e)),
    `Forbidden (403): ${message}`,
  );
});
