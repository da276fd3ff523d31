import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import type { WebSocket } from 'ws';
import { PodTarget, SelectorTarget, targetStatus } from '../../../../client/src/kube/portForward/forwardTarget';
import { PortForwardRegistry, PortForwardSession } from '../../../../client/src/kube/portForward/portForwardSession';
import { FakeClock } from '../fakes/fakeClock';
import { FakePodWatcher, forwardPod } from '../fakes/fakePodWatcher';
import { FakeWebSocketServer } from '../fakes/fakeWebSocketServer';

// A fake API server for the port-forward websocket: each channel starts with the port (2 bytes, little endian),
// channel 0 carries data (echoed upper-cased), channel 1 errors.
class FakePortForwardServer extends FakeWebSocketServer {
  readonly paths: string[] = [];

  protected upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    this.paths.push(req.url ?? '');
    if (req.url?.includes('/pods/forbidden/')) {
      const body = JSON.stringify({ kind: 'Status', code: 403, reason: 'Forbidden', message: 'pods "forbidden" is forbidden: User "dev" cannot create resource "pods/portforward"' });
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, req));
  }

  private serve(ws: WebSocket, req: IncomingMessage): void {
    const port = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ports'));
    const portBytes = Buffer.from([port & 0xff, port >> 8]);
    ws.send(Buffer.concat([Buffer.from([0]), portBytes]));
    ws.send(Buffer.concat([Buffer.from([1]), portBytes]));
    if (req.url?.includes('/pods/broken/')) {
      ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(`no forward found for port ${port}`)]));
      ws.close();
      return;
    }
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0) ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(data.subarray(1).toString().toUpperCase())]));
    });
  }
}

let fake: FakePortForwardServer;
let api: ClusterApi;
before(async () => { fake = new FakePortForwardServer(); api = await fake.listen(); });
after(() => fake.close());

const spec = (pod: string, localPort = 0) => ({ contextName: 'fake', namespace: 'ns', target: new PodTarget(pod, 8080), localPort });

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (d) => { got += d.toString(); if (got.length >= text.length) { s.end(); resolve(got); } });
    s.on('error', reject);
  });
}

test('forwards bytes both ways on 127.0.0.1, one stream per connection', async () => {
  const errors: string[] = [];
  const session = await PortForwardSession.start(api, spec('web'), { error: (m) => errors.push(m) });
  try {
    assert.ok(session.localPort > 0);
    assert.equal(session.label, `127.0.0.1:${session.localPort} → ns/web:8080`);
    assert.equal(await roundTrip(session.localPort, 'hello'), 'HELLO');
    assert.equal(await roundTrip(session.localPort, 'again'), 'AGAIN');
    assert.equal(fake.paths.filter((p) => p.startsWith('/api/v1/namespaces/ns/pods/web/portforward?ports=8080')).length, 2);
    assert.deepEqual(errors, []);
  } finally {
    await session.stop();
  }
  await assert.rejects(roundTrip(session.localPort, 'x'), /ECONNREFUSED/, 'stopped: the local port is closed');
});

test('an error from the pod side and a refused upgrade are reported', async () => {
  const errors: string[] = [];
  const broken = await PortForwardSession.start(api, spec('broken'), { error: (m) => errors.push(m) });
  const forbidden = await PortForwardSession.start(api, spec('forbidden'), { error: (m) => errors.push(m) });
  try {
    for (const s of [broken, forbidden]) {
      await new Promise<void>((resolve) => {
        const sock = connect(s.localPort, '127.0.0.1');
        sock.on('close', () => resolve());
        sock.on('error', () => resolve());
      });
    }
    for (let i = 0; i < 100 && errors.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(errors.includes('no forward found for port 8080'), JSON.stringify(errors));
    assert.ok(errors.some((e) => /pods "forbidden" is forbidden/.test(e)), JSON.stringify(errors));
  } finally {
    await broken.stop();
    await forbidden.stop();
  }
});

test('a local port in use is a clear error; the registry lists and stops sessions', async () => {
  const registry = new PortForwardRegistry();
  const first = await PortForwardSession.start(api, spec('web'), { error: () => {} });
  registry.add(first);
  await assert.rejects(PortForwardSession.start(api, spec('web', first.localPort), { error: () => {} }), /local port \d+ on 127\.0\.0\.1 is already in use/);
  assert.deepEqual(registry.list().map((s) => s.id), [first.id]);
  await registry.stopAll();
  assert.deepEqual(registry.list(), []);
});

/** A connection left open: its round trips, and how it ended (a clean end, or an error). */
function openConnection(port: number) {
  const s = connect(port, '127.0.0.1');
  let got = '';
  const ended = new Promise<{ hadError: boolean; error?: string }>((resolve) => {
    let error: string | undefined;
    s.on('error', (e) => { error = e.message; });
    s.on('close', (hadError) => resolve({ hadError, error }));
  });
  s.on('data', (d) => { got += d.toString(); });
  return {
    ended,
    async send(text: string): Promise<string> {
      const before = got.length;
      s.write(text);
      for (let i = 0; i < 200 && got.length < before + text.length; i++) await new Promise((r) => setTimeout(r, 10));
      return got.slice(before);
    },
  };
}

const lastPath = () => fake.paths.at(-1) ?? '';

test('a selector forward: new connections go to the replacement pod, open ones on the gone pod end cleanly', async () => {
  const watcher = new FakePodWatcher();
  const target = new SelectorTarget('deployment/web', { kind: 'named', name: 'http' }, watcher.factory);
  const errors: string[] = [];
  const session = await PortForwardSession.start(api, { contextName: 'fake', namespace: 'ns', target, localPort: 0 }, { error: (m) => errors.push(m) });
  try {
    assert.ok(watcher.started, 'the session starts watching the pods');
    watcher.put(forwardPod('web-a', { readySince: 1_000 }));
    const open = openConnection(session.localPort);
    assert.equal(await open.send('one'), 'ONE');
    assert.match(lastPath(), /^\/api\/v1\/namespaces\/ns\/pods\/web-a\/portforward\?ports=8080/);
    assert.equal(session.label, `127.0.0.1:${session.localPort} → ns/deployment/web:http`);

    // A rollout: the old pod goes, its replacement (with the named port renumbered) becomes ready.
    watcher.remove('web-a');
    assert.deepEqual(await open.ended, { hadError: false, error: undefined }, 'the connection on the gone pod ends with a FIN');
    assert.equal(target.currentPod, undefined);
    watcher.put(forwardPod('web-b', { httpPort: 8081 }));
    assert.equal(await roundTrip(session.localPort, 'two'), 'TWO');
    assert.match(lastPath(), /\/pods\/web-b\/portforward\?ports=8081/);
    assert.deepEqual(target.switches.map((x) => [x.from, x.to]), [['web-a', 'web-b']]);
    assert.match(targetStatus(target), /^→ web-b \(was web-a, switched \d\d:\d\d:\d\d\)$/);
    assert.deepEqual(errors, []);
  } finally {
    await session.stop();
  }
  assert.equal(watcher.started, false, 'stopping the forward stops the watch');
});

test('no ready pod: a new connection waits for one, and ends with a message when none comes in time', async () => {
  const watcher = new FakePodWatcher();
  const clock = new FakeClock();
  const target = new SelectorTarget('service/web', { kind: 'number', port: 8080 }, watcher.factory, { waitMs: 5_000, clock });
  const errors: string[] = [];
  const session = await PortForwardSession.start(api, { contextName: 'fake', namespace: 'ns', target, localPort: 0 }, { error: (m) => errors.push(m) });
  try {
    watcher.put(forwardPod('web-a', { ready: false }));
    const waiting = openConnection(session.localPort);
    const served = waiting.send('late');
    await new Promise((r) => setTimeout(r, 50));
    watcher.put(forwardPod('web-a', { ready: true }));
    assert.equal(await served, 'LATE', 'served once the pod is ready');

    watcher.put(forwardPod('web-a', { ready: false }));
    const abandoned = openConnection(session.localPort);
    await new Promise((r) => setTimeout(r, 50));
    clock.advance(5_000);
    assert.deepEqual(await abandoned.ended, { hadError: false, error: undefined });
    assert.deepEqual(errors, ['no pod of service/web was ready to take the connection within 5 s']);
  } finally {
    await session.stop();
  }
});

test('the address setting: a forward listens where it is told, and only there', async () => {
  const session = await PortForwardSession.start(api, { ...spec('web'), address: '127.0.0.2' }, { error: () => {} });
  try {
    assert.equal(session.label, `127.0.0.2:${session.localPort} → ns/web:8080`);
    const text = await new Promise<string>((resolve, reject) => {
      const s = connect(session.localPort, '127.0.0.2', () => s.write('there'));
      s.on('data', (d) => { s.end(); resolve(d.toString()); });
      s.on('error', reject);
    });
    assert.equal(text, 'THERE');
    await assert.rejects(roundTrip(session.localPort, 'x'), /ECONNREFUSED/, 'nothing listens on 127.0.0.1');
  } finally {
    await session.stop();
  }
});
