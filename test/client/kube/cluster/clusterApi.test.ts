// The real ClusterApi (client-node's authentication and Watch, our raw list and decoder) against a fake API server over
// HTTP: what it asks for a streaming list, how it reads pages, and how the informer falls back when the server
// refuses to stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { V1Pod } from '@kubernetes/client-node';
import { PodInformer, type InformerState } from '../../../../client/src/kube/cluster/informer';
import { FAKE_TOKEN, fakeClusterApi } from '../fakes/fakeKubeConfig';
import { until } from '../../../support/until';

const pod = (name: string, rv: string) => ({
  kind: 'Pod', apiVersion: 'v1',
  metadata: { name, namespace: 'shop', resourceVersion: rv, creationTimestamp: '2026-12-01T08:00:00Z', managedFields: [{ manager: 'm', time: '2026-12-01T08:00:00Z' }] },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  status: { phase: 'Running', startTime: '2026-12-01T08:00:01Z' },
});
const line = (type: string, object: unknown) => `${JSON.stringify({ type, object })}\n`;
const endBookmark = (rv: string) => line('BOOKMARK', { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: rv, creationTimestamp: null, annotations: { 'k8s.io/initial-events-end': 'true' } } });

interface Seen { url: URL; auth?: string }

async function withServer(handle: (req: IncomingMessage, res: ServerResponse, url: URL) => void, run: (server: ReturnType<typeof createServer>, seen: Seen[]) => Promise<void>): Promise<void> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push({ url, auth: req.headers.authorization });
    handle(req, res, url);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(server, seen);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

test('a streaming list asks for sendInitialEvents with NotOlderThan and bookmarks, and hands over decoded pods', async () => {
  await withServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write(line('ADDED', pod('a', '5')) + line('ADDED', pod('b', '6')) + endBookmark('9'));
  }, async (server, seen) => {
    const api = fakeClusterApi(server);
    assert.equal(api.streamsLists, true);
    const events: [string, V1Pod][] = [];
    const handle = api.watchPods({ namespace: 'shop', resourceVersion: '', sendInitialEvents: true }, { onEvent: (t, o) => events.push([t, o as V1Pod]), onDone: () => {} });
    await until('three events', () => events.length === 3 || undefined);
    handle.stop();
    const q = seen[0].url.searchParams;
    assert.equal(seen[0].url.pathname, '/api/v1/namespaces/shop/pods');
    assert.deepEqual(
      { watch: q.get('watch'), sendInitialEvents: q.get('sendInitialEvents'), match: q.get('resourceVersionMatch'), rv: q.get('resourceVersion'), bookmarks: q.get('allowWatchBookmarks') },
      { watch: 'true', sendInitialEvents: 'true', match: 'NotOlderThan', rv: '', bookmarks: 'true' },
    );
    assert.equal(seen[0].auth, `Bearer ${FAKE_TOKEN}`);
    assert.deepEqual(events.map(([t, p]) => `${t} ${p.metadata?.name ?? ''} ${p.metadata?.resourceVersion}`), ['ADDED a 5', 'ADDED b 6', 'BOOKMARK  9']);
    assert.ok(events[0][1].status?.startTime instanceof Date);
    assert.equal(events[0][1].metadata?.managedFields, undefined);
    assert.equal(events[2][1].metadata?.annotations?.['k8s.io/initial-events-end'], 'true');
  });
});

test('a page is read raw: selectors, limit and continue sent; items decoded; continue handed back as _continue', async () => {
  await withServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '12', continue: 'tok2', remainingItemCount: 3 }, items: [pod('a', '5')] }));
  }, async (server, seen) => {
    const page = await fakeClusterApi(server).listPods({ namespace: 'shop', labelSelector: 'app=web', limit: 1, continueToken: 'tok1' });
    const q = seen[0].url.searchParams;
    assert.deepEqual([q.get('labelSelector'), q.get('limit'), q.get('continue'), q.get('watch')], ['app=web', '1', 'tok1', null]);
    assert.equal(seen[0].auth, `Bearer ${FAKE_TOKEN}`);
    assert.deepEqual(page.metadata, { resourceVersion: '12', remainingItemCount: 3, _continue: 'tok2' });
    assert.ok(page.items[0].metadata?.creationTimestamp instanceof Date);
  });
});

test('a refused page is an error carrying the server\'s Status (as the typed client\'s was)', async () => {
  await withServer((_req, res) => {
    res.writeHead(403, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', status: 'Failure', code: 403, reason: 'Forbidden', message: 'pods is forbidden: User "x" cannot list resource "pods"' }));
  }, async (server) => {
    await assert.rejects(fakeClusterApi(server).listPods({ namespace: 'shop' }), (err: { code?: number; message?: string }) => {
      assert.equal(err.code, 403);
      assert.equal(err.message, 'pods is forbidden: User "x" cannot list resource "pods"');
      return true;
    });
  });
});

test('a server whose WatchList gate is off (422 to sendInitialEvents) is paged by the informer, then watched from the list', async () => {
  await withServer((_req, res, url) => {
    const q = url.searchParams;
    if (q.get('sendInitialEvents')) {
      res.writeHead(422, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', code: 422, reason: 'Invalid', message: 'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled' }));
    } else if (q.get('watch')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(line('ADDED', pod('c', '13')));
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'PodList', metadata: { resourceVersion: '12' }, items: [pod('a', '5'), pod('b', '6')] }));
    }
  }, async (server, seen) => {
    const names: string[] = [];
    const states: InformerState[] = [];
    const informer = new PodInformer(fakeClusterApi(server), { namespace: 'shop' }, {
      onAdd: (p) => names.push(p.metadata!.name!), onUpdate: () => {}, onDelete: () => {}, onState: (s) => states.push(s),
    });
    informer.start();
    try {
      await until('the watch after the list delivered c', () => names.includes('c') || undefined);
      assert.deepEqual(names, ['a', 'b', 'c']);
      assert.ok(!states.some((s) => s.kind === 'error' || s.kind === 'reconnecting'));
      const kinds = seen.map(({ url }) => url.searchParams.get('sendInitialEvents') ? 'stream' : url.searchParams.get('watch') ? `watch@${url.searchParams.get('resourceVersion')}` : 'list');
      assert.deepEqual(kinds, ['stream', 'list', 'watch@12']);
    } finally {
      informer.stop();
    }
  });
});
