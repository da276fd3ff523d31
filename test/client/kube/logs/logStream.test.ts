import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResumableLogStream, type LogStreamState } from '../../../../client/src/kube/logs/logStream';
import { LogOpenError, type LogRequest } from '../../../../client/src/kube/logs/logTransport';
import type { TimedLine } from '../../../../client/src/kube/logs/logTimestamp';
import { FakeLogServer, timestamps } from '../fakes/fakeLogServer';

interface Run {
  texts: string[];
  unterminated: boolean;
  states: LogStreamState[];
  stream: ResumableLogStream;
}

function reader(server: FakeLogServer, request: LogRequest, maxAttempts = 50): Run {
  const run: Run = { texts: [], unterminated: false, states: [], stream: undefined as unknown as ResumableLogStream };
  run.stream = new ResumableLogStream(
    server.open,
    request,
    {
      lines(lines: TimedLine[], unterminated: boolean) {
        run.texts.push(...lines.map((l) => l.text));
        run.unterminated = unterminated;
      },
      state(s) { run.states.push(s); },
    },
    { wait: async () => {}, maxAttempts },
  );
  return run;
}

const once = { follow: false, previous: false };

function fill(server: FakeLogServer, n: number, stepNs?: number): string[] {
  const texts = Array.from({ length: n }, (_, i) => `line ${i} ✓ ${'x'.repeat(i % 5)}`);
  timestamps(n, undefined, stepNs).forEach((ts, i) => server.append(ts, texts[i]));
  return texts;
}

test('reads every line once when nothing breaks', async () => {
  const server = new FakeLogServer();
  const texts = fill(server, 20);
  const run = reader(server, once);
  await run.stream.start();
  assert.deepEqual(run.texts, texts);
  assert.equal(run.states.at(-1)?.kind, 'ended');
  assert.equal(server.requests.length, 1);
});

test('a stream dropped mid-line resumes from the last timestamp with no line lost or repeated', async () => {
  const server = new FakeLogServer(5);
  // 4 lines per second, so every resume replays lines from the same second that must be dropped.
  const texts = fill(server, 40);
  const total = Buffer.byteLength(server.entries.join(''));
  // Break at awkward places: inside a timestamp, inside the text, inside the 3-byte '✓'.
  server.script({ dropAfterBytes: 13 }, { dropAfterBytes: 200 }, { dropAfterBytes: 371 }, { dropAfterBytes: 50 });
  const run = reader(server, once);
  await run.stream.start();
  assert.deepEqual(run.texts, texts);
  assert.equal(server.requests.length, 5);
  assert.equal(server.requests[0].sinceTime, undefined);
  assert.ok(server.requests.slice(2).every((r) => r.sinceTime !== undefined), 'resumes ask for sinceTime');
  assert.ok(total > 600);
  assert.deepEqual(run.states.filter((s) => s.kind === 'reconnecting').length, 4);
});

test('drops at every byte offset of a short log never lose or repeat a line', async () => {
  const probe = new FakeLogServer();
  fill(probe, 6, 0);
  const size = Buffer.byteLength(probe.entries.join(''));
  for (let cut = 1; cut < size; cut++) {
    const server = new FakeLogServer(3);
    // stepNs 0: every line carries the same timestamp, the hardest case for the duplicate count.
    const texts = fill(server, 6, 0);
    server.script({ dropAfterBytes: cut });
    const run = reader(server, once);
    await run.stream.start();
    assert.deepEqual(run.texts, texts, `cut after ${cut} bytes`);
  }
});

test('follow: lines appended after a drop arrive once, in order', async () => {
  const server = new FakeLogServer(4);
  const ts = timestamps(12);
  for (let i = 0; i < 6; i++) server.append(ts[i], `old ${i}`);
  server.script({ dropAfterBytes: 100 });
  const run = reader(server, { follow: true, previous: false });
  const done = run.stream.start();
  while (run.texts.length < 6) await new Promise((r) => setTimeout(r, 2));
  for (let i = 6; i < 12; i++) server.append(ts[i], `new ${i}`);
  while (run.texts.length < 12) await new Promise((r) => setTimeout(r, 2));
  server.endFollowers();
  await done;
  assert.deepEqual(run.texts, [...[0, 1, 2, 3, 4, 5].map((i) => `old ${i}`), ...[6, 7, 8, 9, 10, 11].map((i) => `new ${i}`)]);
  assert.ok(server.requests.every((r) => r.follow));
});

test('tail applies to the first request only; a resume continues from the last line', async () => {
  const server = new FakeLogServer(6);
  const texts = fill(server, 30);
  server.script({ dropAfterBytes: 90 });
  const run = reader(server, { follow: false, previous: false, tailLines: 10 });
  await run.stream.start();
  assert.deepEqual(run.texts, texts.slice(20));
  assert.equal(server.requests[0].tailLines, 10);
  assert.equal(server.requests[1].tailLines, undefined);
});

test('a drop before any line reopens the original request', async () => {
  const server = new FakeLogServer();
  const texts = fill(server, 5);
  server.script({ dropAfterBytes: 10 }, { dropAfterBytes: 0 });
  const run = reader(server, { follow: false, previous: true, tailLines: 3 });
  await run.stream.start();
  assert.deepEqual(run.texts, texts.slice(2));
  assert.deepEqual(server.requests.map((r) => r.tailLines), [3, 3, 3]);
  assert.ok(server.requests.every((r) => r.previous), 'previous is kept on every attempt');
});

test('a final line without a newline is delivered and flagged', async () => {
  const server = new FakeLogServer();
  const ts = timestamps(2);
  server.append(ts[0], 'done');
  server.append(ts[1], 'no newline', false);
  const run = reader(server, once);
  await run.stream.start();
  assert.deepEqual(run.texts, ['done', 'no newline']);
  assert.equal(run.unterminated, true);
});

test('a refused request fails at once with the server message when retrying cannot help', async () => {
  const server = new FakeLogServer();
  server.script({ refuse: new LogOpenError('pods "web" is forbidden: User "dev" cannot get resource "pods/log"', false, 403) });
  const run = reader(server, once);
  await run.stream.start();
  assert.equal(server.requests.length, 1);
  assert.deepEqual(run.states.at(-1), { kind: 'failed', message: 'pods "web" is forbidden: User "dev" cannot get resource "pods/log"' });
});

test('an unreachable cluster is retried, then given up on', async () => {
  const server = new FakeLogServer();
  const refuse = new LogOpenError('connect ECONNREFUSED 127.0.0.1:6443', true);
  server.script({ refuse }, { refuse }, { refuse });
  const run = reader(server, once, 2);
  await run.stream.start();
  assert.equal(server.requests.length, 3);
  const last = run.states.at(-1);
  assert.equal(last?.kind, 'failed');
  assert.match((last as { message: string }).message, /ECONNREFUSED.*gave up after 2 attempts/);
});

test('stop aborts a follow stream and reports stopped', async () => {
  const server = new FakeLogServer();
  fill(server, 3);
  const run = reader(server, { follow: true, previous: false });
  const done = run.stream.start();
  while (run.texts.length < 3) await new Promise((r) => setTimeout(r, 2));
  run.stream.stop();
  await done;
  assert.equal(run.states.at(-1)?.kind, 'stopped');
  server.append(timestamps(4)[3], 'after stop');
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(run.texts.length, 3);
});
