import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogSession, type LogSpec } from '../../../../client/src/kube/logs/logSession';
import type { LogStreamState } from '../../../../client/src/kube/logs/logStream';
import { LogOpenError } from '../../../../client/src/kube/logs/logTransport';
import { FakeLogServer, timestamps } from '../fakes/fakeLogServer';

function session(spec: Partial<LogSpec>, servers: Record<string, FakeLogServer>, maxLines = 1000) {
  const states: [string, LogStreamState][] = [];
  let changes = 0;
  const s = new LogSession(
    { namespace: 'ns', pod: 'web', containers: Object.keys(servers), follow: false, previous: false, timestamps: false, ...spec },
    (container) => servers[container].open,
    { changed: () => { changes++; }, state: (c, st) => { states.push([c, st]); } },
    { maxLines, quietMs: 50, stream: { wait: async () => {} } },
  );
  return { s, states, changes: () => changes };
}

test('one container: the text is the container output, timestamps only when asked', async () => {
  const server = new FakeLogServer();
  const ts = timestamps(3);
  ['a', 'b', 'c'].forEach((t, i) => server.append(ts[i], t));
  const plain = session({}, { app: server });
  await plain.s.start();
  assert.equal(plain.s.buffer.text(), 'a\nb\nc\n');
  assert.ok(plain.changes() > 0);
  assert.equal(plain.s.summary(), 'ended');

  const stamped = session({ timestamps: true }, { app: server });
  await stamped.s.start();
  assert.equal(stamped.s.buffer.text(), server.entries.join(''), 'identical to the server output with timestamps');
});

test('all containers: interleaved by time with kubectl prefixes', async () => {
  const ts = timestamps(6);
  const a = new FakeLogServer();
  const b = new FakeLogServer();
  [0, 2, 4].forEach((i) => a.append(ts[i], `a${i}`));
  [1, 3, 5].forEach((i) => b.append(ts[i], `b${i}`));
  const { s } = session({}, { app: a, sidecar: b });
  await s.start();
  assert.equal(
    s.buffer.text(),
    ['[pod/web/app] a0', '[pod/web/sidecar] b1', '[pod/web/app] a2', '[pod/web/sidecar] b3', '[pod/web/app] a4', '[pod/web/sidecar] b5', ''].join('\n'),
  );
});

test('a failed container is reported while the others keep streaming', async () => {
  const a = new FakeLogServer();
  a.append(timestamps(1)[0], 'fine');
  const b = new FakeLogServer();
  b.script({ refuse: new LogOpenError('container "init" in pod "web" is waiting to start: PodInitializing', false, 400) });
  const { s, states } = session({}, { app: a, init: b });
  await s.start();
  assert.equal(s.buffer.text(), [
    '[pod/web/init] [podscope] the log of web/init could not be read: container "init" in pod "web" is waiting to start: PodInitializing',
    '[pod/web/app] fine',
    '',
  ].join('\n'), 'the reason is written into the view, the other container streams on');
  assert.match(s.summary(), /^failed: container "init" in pod "web" is waiting to start/);
  assert.ok(states.some(([c, st]) => c === 'init' && st.kind === 'failed'));
});

test('restart clears the view and reads again; stop keeps what was read', async () => {
  const server = new FakeLogServer();
  const ts = timestamps(4);
  server.append(ts[0], 'first');
  const { s } = session({ follow: true }, { app: server });
  const done = s.start();
  while (s.buffer.lineCount < 1) await new Promise((r) => setTimeout(r, 2));
  s.stop();
  await done;
  assert.equal(s.buffer.text(), 'first\n');
  assert.equal(s.summary(), 'stopped');
  server.append(ts[1], 'second');
  const again = s.start();
  while (s.buffer.lineCount < 2) await new Promise((r) => setTimeout(r, 2));
  assert.equal(s.buffer.text(), 'first\nsecond\n');
  assert.equal(s.summary(), 'following');
  s.stop();
  await again;
});

test('the cap bounds the buffer under a long stream', async () => {
  const server = new FakeLogServer(4096);
  const ts = timestamps(5000, undefined, 1000);
  ts.forEach((t, i) => server.append(t, `line ${i}`));
  const { s } = session({}, { app: server }, 1000);
  await s.start();
  assert.ok(s.buffer.lineCount <= 1000);
  assert.equal(s.buffer.text().trimEnd().split('\n').at(-1), 'line 4999');
  assert.equal(s.buffer.dropped + s.buffer.lineCount, 5000);
});

test('presentation: JSON records rendered and levels filtered per container, in one view and interleaved; represent() switches back to raw', async () => {
  const ts = timestamps(4);
  const a = new FakeLogServer();
  const b = new FakeLogServer();
  a.append(ts[0], '{"level":"info","msg":"up"}');
  b.append(ts[1], 'ERROR disk full');
  a.append(ts[2], '{"level":"error","msg":"failed","path":"/x"}');
  b.append(ts[3], '  at write (fs.js:1)');
  const keys = { message: ['msg'], level: ['level'], time: ['time'], fields: [] };
  const s = new LogSession(
    { namespace: 'ns', pod: 'web', containers: ['app', 'sidecar'], follow: false, previous: false, timestamps: false },
    (c) => (c === 'app' ? a : b).open,
    { changed() {}, state() {} },
    { maxLines: 100, quietMs: 50, stream: { wait: async () => {} }, presentation: { json: 'pretty', minLevel: 'error', keys } },
  );
  await s.start();
  assert.equal(s.buffer.text(), ['[pod/web/sidecar] ERROR disk full', '[pod/web/app] ERROR failed path=/x', '[pod/web/sidecar]   at write (fs.js:1)', ''].join('\n'));
  await s.represent({ json: 'raw', minLevel: undefined, keys });
  assert.equal(s.buffer.text().split('\n').length - 1, 4, 'every line again, read anew');
  assert.ok(s.buffer.text().includes('[pod/web/app] {"level":"info","msg":"up"}'));
});
