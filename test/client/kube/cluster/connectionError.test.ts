import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException } from '@kubernetes/client-node';
import { describeConnectionError, isResourceExpired, problemLabel } from '../../../../client/src/kube/cluster/connectionError';
import { RequestTimeoutError, withTimeout } from '../../../../client/src/kube/cluster/connectionTimeout';

const status = (code: number, reason: string, message: string) => JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });

test('ApiException 403: the API Status message, verbatim', () => {
  const msg = 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "prod"';
  const p = describeConnectionError(new ApiException(403, 'Unknown API Status Code!', status(403, 'Forbidden', msg), {}));
  assert.deepEqual(p, { kind: 'forbidden', code: 403, reason: 'Forbidden', message: msg });
  assert.equal(problemLabel(p), `Forbidden (403): ${msg}`);
});

test('ApiException 401 (client-node drops its body): still named Unauthorized', () => {
  const p = describeConnectionError(new ApiException(401, 'Unauthorized', undefined, {}));
  assert.equal(p.kind, 'unauthorized');
  assert.equal(problemLabel(p), 'Unauthorized (401): the server did not accept the credentials of this context');
});

test('a failed watch connection (statusCode) and an ERROR Status event are understood', () => {
  assert.equal(describeConnectionError(Object.assign(new Error('Forbidden'), { statusCode: 403 })).kind, 'forbidden');
  const gone = { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 5 (900)' };
  assert.deepEqual(describeConnectionError(gone), { kind: 'gone', code: 410, reason: 'Expired', message: 'too old resource version: 5 (900)' });
  assert.ok(isResourceExpired(gone));
  assert.ok(!isResourceExpired(new Error('x')));
});

test('fetch network failures name the socket error', () => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' }) });
  assert.deepEqual(describeConnectionError(refused), { kind: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:6443' });
  const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND k8s.example'), { code: 'ENOTFOUND' }) });
  assert.equal(problemLabel(describeConnectionError(dns)), 'Cluster unreachable: getaddrinfo ENOTFOUND k8s.example');
  const tls = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) });
  assert.equal(problemLabel(describeConnectionError(tls)), 'TLS error: self-signed certificate');
});

test('a non-JSON error body is kept (shortened), not lost', () => {
  const p = describeConnectionError(new ApiException(502, 'Unknown API Status Code!', '<html>Bad Gateway</html>', {}));
  assert.deepEqual(p, { kind: 'other', code: 502, reason: undefined, message: '<html>Bad Gateway</html>' });
});

test('withTimeout rejects with RequestTimeoutError and aborts the request signal', async () => {
  let signal: AbortSignal | undefined;
  const never = (s: AbortSignal) => { signal = s; return new Promise<never>(() => {}); };
  await assert.rejects(withTimeout(20, 'listing pods in namespace "x"', never), (err: unknown) => {
    assert.ok(err instanceof RequestTimeoutError);
    assert.equal((err as Error).message, 'Timed out after 20ms listing pods in namespace "x": the cluster did not answer.');
    return true;
  });
  assert.equal(signal?.aborted, true);
  assert.equal(describeConnectionError(new RequestTimeoutError('listing pods', 15_000)).message, 'Timed out after 15s listing pods: the cluster did not answer.');
});

test('withTimeout passes results and errors through untouched', async () => {
  assert.equal(await withTimeout(1000, 'x', async () => 42), 42);
  await assert.rejects(withTimeout(1000, 'x', async () => { throw new Error('boom'); }), /boom/);
});
