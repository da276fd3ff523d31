import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { apiRequest, statusOf, warningsOf } from '../../../../client/src/kube/cluster/apiRequest';
import { FAKE_TOKEN, fakeKubeConfig } from '../fakes/fakeKubeConfig';

test('warning headers: one or several values, escaped quotes kept as text', () => {
  assert.deepEqual(warningsOf(undefined), []);
  assert.deepEqual(warningsOf('299 - "spec.containers[0].ports[1]: duplicate port definition"'), ['spec.containers[0].ports[1]: duplicate port definition']);
  assert.deepEqual(
    warningsOf(['299 - "first"', '299 - "say \\"hi\\"", 299 - "third"']),
    ['first', 'say "hi"', 'third'],
  );
});

test('sends method, body, content type and the context credentials; returns status, body and warnings', async () => {
  const seen: { method?: string; url?: string; auth?: string; type?: string; body: string } = { body: '' };
  const server = createServer((req: IncomingMessage, res) => {
    seen.method = req.method;
    seen.url = req.url;
    seen.auth = req.headers.authorization;
    seen.type = req.headers['content-type'];
    req.on('data', (d: Buffer) => { seen.body += d.toString(); });
    req.on('end', () => {
      res.writeHead(422, { 'Content-Type': 'application/json', Warning: '299 - "a warning"' });
      res.end(JSON.stringify({ kind: 'Status', code: 422, reason: 'Invalid', message: 'Pod "x" is invalid' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const response = await apiRequest(fakeKubeConfig(server), '/api/v1/namespaces/demo/pods?dryRun=All', {
      method: 'POST', body: 'kind: Pod\n', contentType: 'application/yaml',
    });
    assert.deepEqual(seen, { method: 'POST', url: '/api/v1/namespaces/demo/pods?dryRun=All', auth: `Bearer ${FAKE_TOKEN}`, type: 'application/yaml', body: 'kind: Pod\n' });
    assert.equal(response.status, 422);
    assert.deepEqual(response.warnings, ['a warning']);
    assert.equal(statusOf(response)?.reason, 'Invalid');
    assert.equal(statusOf({ status: 500, body: 'not json', warnings: [] }), undefined);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('an unreachable server is an error, not a hang', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const kc = fakeKubeConfig(server);
  await new Promise<void>((r) => server.close(() => r()));
  await assert.rejects(apiRequest(kc, '/api/v1'), /ECONNREFUSED/);
});
