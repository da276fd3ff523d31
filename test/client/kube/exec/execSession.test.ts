import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import { ExecSession, type ExecRequest } from '../../../../client/src/kube/exec/execSession';
import { UpgradeRefusedError } from '../../../../client/src/kube/cluster/channelConnector';
import { FakeExecServer } from '../fakes/fakeExecServer';
import { FAKE_TOKEN } from '../fakes/fakeKubeConfig';
import { until } from '../../../support/until';

let server: FakeExecServer;
let api: ClusterApi;
before(async () => { server = new FakeExecServer(); api = await server.listen(); });
after(() => server.close());

const request = (over: Partial<ExecRequest> = {}): ExecRequest =>
  ({ namespace: 'ns', pod: 'web', container: 'app', command: ['sh', '-c', 'echo hi'], tty: false, ...over });

function collector() {
  const out = { stdout: '', stderr: '' };
  return { out, sink: { stdout: (d: Buffer) => { out.stdout += d.toString(); }, stderr: (d: Buffer) => { out.stderr += d.toString(); } } };
}

test('sends the command, forwards stdin, and separates stdout from stderr', async () => {
  const { out, sink } = collector();
  const s = await ExecSession.open(api, request(), sink);
  s.write('ping');
  await until('the echoed stdin', () => out.stderr.includes('ping'));
  assert.equal(out.stdout, 'echo: ping');
  assert.equal(out.stderr, 'err: ping');
  const call = server.calls.at(-1)!;
  assert.deepEqual(call.command, ['sh', '-c', 'echo hi']);
  assert.equal(call.protocol, 'v5.channel.k8s.io');
  assert.equal(call.authorization, `Bearer ${FAKE_TOKEN}`);
  assert.deepEqual(call.resizes, [], 'no resize channel without a TTY');
  s.write('exit 0');
  assert.deepEqual(await s.done, { kind: 'exited', exitCode: 0 });
});

test('a TTY session sends its size at start and on every change', async () => {
  const { out, sink } = collector();
  const s = await ExecSession.open(api, request({ tty: true, columns: 120, rows: 40 }), sink);
  await until('the first size', () => out.stdout.includes('size 120x40'));
  s.resize(100, 30);
  s.resize(100, 30);
  await until('the new size', () => out.stdout.includes('size 100x30'));
  assert.deepEqual(server.calls.at(-1)!.resizes, [{ width: 120, height: 40 }, { width: 100, height: 30 }]);
  assert.equal(server.calls.at(-1)!.tty, true);
  s.write('exit 7');
  assert.deepEqual(await s.done, { kind: 'exited', exitCode: 7 });
});

test('closing stdin ends the command (v5 half-close) with its status', async () => {
  const { sink } = collector();
  const s = await ExecSession.open(api, request(), sink);
  s.write('data');
  s.endInput();
  assert.deepEqual(await s.done, { kind: 'exited', exitCode: 0 });
  assert.equal(server.calls.at(-1)!.stdin, 'data');
});

test('a forbidden exec fails with the API server message', async () => {
  const { sink } = collector();
  await assert.rejects(ExecSession.open(api, request({ pod: 'forbidden' }), sink), (err: unknown) => {
    assert.ok(err instanceof UpgradeRefusedError);
    assert.equal(err.code, 403);
    assert.equal(err.reason, 'Forbidden');
    assert.match(err.message, /^pods "forbidden" is forbidden: User "dev" cannot create resource "pods\/exec"/);
    return true;
  });
});

test('a container that is not running is reported in the server words', async () => {
  const { sink } = collector();
  await assert.rejects(ExecSession.open(api, request({ pod: 'stopped' }), sink), /container not found \("app"\)/);
});

test('a dropped connection ends the session with an error, not an exit code', async () => {
  const { sink } = collector();
  const s = await ExecSession.open(api, request(), sink);
  const calls = server.calls.length;
  await until('the server to see the call', () => server.calls.length === calls);
  await server.close();
  const outcome = await s.done;
  assert.equal(outcome.kind, 'error');
  assert.match((outcome as { message: string }).message, /^the connection to the container was lost \(the API server or the network went away; websocket 1006\)$/);
  server = new FakeExecServer();
  api = await server.listen();
});

test('attach: no command, stdin and a TTY as asked, output and resizes travel as for exec, and a Success status ends it', async () => {
  const { out, sink } = collector();
  const s = await ExecSession.attach(api, { namespace: 'ns', pod: 'web', container: 'debugger-abcde', stdin: true, tty: true, columns: 90, rows: 20 }, sink);
  await until('the initial size', () => out.stdout.includes('size 90x20'));
  const call = server.calls.at(-1)!;
  assert.equal(call.path, '/api/v1/namespaces/ns/pods/web/attach');
  assert.deepEqual(call.command, []);
  assert.equal(call.tty, true);
  s.write('ls\r');
  await until('the echo', () => out.stdout.includes('echo: ls\r'));
  s.write('exit 0');
  assert.deepEqual(await s.done, { kind: 'ended' }, 'an attach learns no exit code: the process ended');
});

test('attach without stdin sends none; a Failure status is the reason the runtime could not attach', async () => {
  const { sink } = collector();
  const s = await ExecSession.attach(api, { namespace: 'ns', pod: 'web', container: 'app', stdin: false, tty: false }, sink);
  const call = server.calls.at(-1)!;
  assert.equal(call.tty, false);
  s.write('typed');
  s.close();
  assert.deepEqual(await s.done, { kind: 'error', message: 'the session was closed' });
  assert.equal(call.stdin, '', 'no stdin stream, so nothing typed reaches the process');

  const refused = await ExecSession.attach(api, { namespace: 'ns', pod: 'noattach', container: 'app', stdin: true, tty: true }, collector().sink);
  assert.deepEqual(await refused.done, { kind: 'error', message: 'no attaches found for container "app"' });
});
