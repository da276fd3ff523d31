// The explorer's metrics glue over a stand-in `vscode` and a local HTTP API server that has no metrics API: one line in
// the Pods view's message, kept as it is over further refreshes, and never a notification.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscodeTypes from 'vscode';
import * as fake from '../fakes/fakeVscode';
import { useFakeVscode } from '../fakes/routeVscode';
import { MemoryMemento } from '../../../cluster/explorer/treeWalk';
import { until } from '../../../support/until';

useFakeVscode();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-metrics-view-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Answers pods and events with empty lists (watches stay open) and everything else, metrics.k8s.io included, 404. */
function apiServer(): Promise<{ port: number; metricsRequests: () => number; close(): void }> {
  let metrics = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/apis/metrics.k8s.io/')) metrics++;
    if (/^\/api\/v1\/(namespaces\/[^/]+\/)?(pods|events)$/.test(url.pathname)) {
      if (url.searchParams.get('watch')) { res.writeHead(200, { 'Content-Type': 'application/json' }); return; }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: (server.address() as { port: number }).port,
    metricsRequests: () => metrics,
    close: () => { server.closeAllConnections(); server.close(); },
  })));
}

test('a cluster without metrics.k8s.io: one quiet line in the view\'s message, however many refreshes', async () => {
  const api = await apiServer();
  const file = path.join(dir, 'kubeconfig.yaml');
  fs.writeFileSync(file, [
    'apiVersion: v1', 'kind: Config',
    // Plain HTTP: client-node allows it only with TLS verification off.
    'clusters:', '- name: c', '  cluster:', `    server: http://127.0.0.1:${api.port}`, '    insecure-skip-tls-verify: true',
    'users:', '- name: u', '  user:', '    token: t',
    'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u', '    namespace: team',
    'current-context: dev',
  ].join('\n'));
  fake.recorded.settings.set('podscope.kubeconfig', file);
  fake.recorded.settings.set('podscope.metrics.refreshSeconds', 1);
  const { startExplorer } = await import('../../../../client/src/kube/index.js');
  const explorer = await startExplorer({ globalState: new MemoryMemento(), subscriptions: [] } as unknown as vscodeTypes.ExtensionContext);
  try {
    const { provider, view } = fake.latestView('podscope.pods')! as { provider: { getChildren(n?: unknown): unknown[] }; view: fake.FakeTreeView };
    const [context] = provider.getChildren();
    provider.getChildren(context);
    const line = 'Metrics unavailable in "dev": the metrics API (metrics.k8s.io) is not installed';
    await until('the message', () => view.message === line);
    await until('two more refreshes', () => api.metricsRequests() >= 3, 10_000);
    assert.equal(view.message, line);
    assert.deepEqual(fake.recorded.messages, [], 'no notification');
  } finally {
    explorer.dispose();
    api.close();
  }
});
