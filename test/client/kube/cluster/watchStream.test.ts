import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import { ApiRequestError } from '../../../../client/src/kube/cluster/apiRequest';
import { RequestTimeoutError } from '../../../../client/src/kube/cluster/connectionTimeout';
import { openWatchStream } from '../../../../client/src/kube/cluster/watchStream';
import { FAKE_TOKEN, fakeKubeConfig } from '../fakes/fakeKubeConfig';

/** A server whose one route is answered by `respond`; `run` gets its kubeconfig. */
async function withServer(respond: (res: ServerResponse, url: URL, auth?: string) => void, run: (kc: ReturnType<typeof fakeKubeConfig>) => Promise<void>) {
  const server = createServer((req, res) => respond(res, new URL(req.url!, 'http://x'), req.headers.authorization));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(fakeKubeConfig(server));
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

function collect(kc: ReturnType<typeof fakeKubeConfig>, inactivityMs?: number) {
  const events: string[] = [];
  const done = new Promise<unknown>((resolve) => {
    openWatchStream(kc, '/api/v1/pods', new URLSearchParams({ resourceVersion: '5' }), {
      onEvent: (type, object) => events.push(`${type} ${JSON.stringify(object)}`),
      onDone: resolve,
    }, inactivityMs);
  });
  return { events, done };
}

test('events split across chunks, several per chunk, are delivered whole and in order; a normal close ends with null', async () => {
  let seen: { url?: URL; auth?: string } = {};
  await withServer((res, url, auth) => {
    seen = { url, auth };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"type":"ADDED","object":{"n":"a","s":"é€"}}\n{"type":"MODI');
    setTimeout(() => {
      res.write('FIED","object":{"n":"b"}}\n\nnot json\n{"type":"DELETED",');
      setTimeout(() => res.end('"object":{"n":"c"}}\n'), 10);
    }, 10);
  }, async (kc) => {
    const { events, done } = collect(kc);
    assert.equal(await done, null);
    assert.deepEqual(events, ['ADDED {"n":"a","s":"é€"}', 'MODIFIED {"n":"b"}', 'DELETED {"n":"c"}']);
    assert.equal(seen.url?.searchParams.get('watch'), 'true');
    assert.equal(seen.url?.searchParams.get('resourceVersion'), '5');
    assert.equal(seen.auth, `Bearer ${FAKE_TOKEN}`);
  });
});

test('a refused watch ends with an error carrying the HTTP status and the server\'s Status message', async () => {
  await withServer((res) => {
    res.writeHead(422, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', code: 422, reason: 'Invalid', message: 'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled' }));
  }, async (kc) => {
    const { events, done } = collect(kc);
    const err = await done;
    assert.ok(err instanceof ApiRequestError);
    assert.equal(err.code, 422);
    assert.match(err.message, /WatchList feature gate/);
    assert.deepEqual(events, []);
  });
});

test('a watch silent for longer than the inactivity limit ends with a timeout', async () => {
  await withServer((res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"type":"BOOKMARK","object":{}}\n');
  }, async (kc) => {
    const { events, done } = collect(kc, 100);
    assert.ok((await done) instanceof RequestTimeoutError);
    assert.deepEqual(events, ['BOOKMARK {}']);
  });
});

test('after stop() nothing more is heard, not even the end', async () => {
  let later: (() => void) | undefined;
  await withServer((res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"type":"ADDED","object":{}}\n');
    later = () => res.end('{"type":"ADDED","object":{}}\n');
  }, async (kc) => {
    const heard: string[] = [];
    const handle = openWatchStream(kc, '/api/v1/pods', new URLSearchParams(), { onEvent: (t) => heard.push(t), onDone: () => heard.push('done') });
    while (heard.length === 0) await new Promise((r) => setTimeout(r, 5));
    handle.stop();
    later?.();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(heard, ['ADDED']);
  });
});
