// Exec against the real local cluster (kwok runs the command on this host, in its sandbox directory): commands run
// with stdin/stdout/stderr, a TTY reports resizes, the exit code comes back, and refusals name their reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExecSession, type ExecRequest } from '../../../client/src/kube/exec/execSession';
import { UpgradeRefusedError } from '../../../client/src/kube/cluster/channelConnector';
import { shellCommand } from '../../../client/src/kube/exec/shellChoice';
import { until } from '../../support/until';
import { useCluster } from './clusterFixture';

const fixture = useCluster('exec tests');

const at = { namespace: 'demo', pod: 'hello', container: 'app' };

function collect() {
  const out = { stdout: '', stderr: '' };
  return { out, sink: { stdout: (d: Buffer) => { out.stdout += d.toString('utf8'); }, stderr: (d: Buffer) => { out.stderr += d.toString('utf8'); } } };
}

async function open(kubeconfig: string, request: Omit<ExecRequest, 'namespace' | 'pod' | 'container'>) {
  const { out, sink } = collect();
  const session = await ExecSession.open(fixture.api(kubeconfig), { ...at, ...request }, sink);
  return { out, session };
}

/** Opens a session for `use` and closes it whatever happens: an open websocket would keep the test process alive. */
async function inSession(
  kubeconfig: string, request: Omit<ExecRequest, 'namespace' | 'pod' | 'container'>,
  use: (s: Awaited<ReturnType<typeof open>>) => Promise<void>,
): Promise<void> {
  const s = await open(kubeconfig, request);
  try {
    await use(s);
  } finally {
    s.session.close();
  }
}

// kwok sends the exit status as soon as the local command exits, sometimes before the last output is copied out of
// the command (a race in its exec server, not in the protocol), so each command below waits on stdin after printing
// and is told to exit only once its output has arrived.

test('runs a command: stdout and stderr apart, exit code reported', { timeout: 30_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await inSession(c.kubeconfig, { command: ['sh', '-c', 'echo to-stdout; echo to-stderr >&2; read go; exit 3'], tty: false }, async ({ out, session }) => {
    await until('both outputs', () => out.stdout === 'to-stdout\n' && out.stderr === 'to-stderr\n');
    session.write('\n');
    assert.deepEqual(await session.done, { kind: 'exited', exitCode: 3 });
  });
  await inSession(c.kubeconfig, { command: ['true'], tty: false }, async ({ session }) => {
    assert.deepEqual(await session.done, { kind: 'exited', exitCode: 0 });
  });
});

test('stdin reaches the command', { timeout: 30_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  // Reads rather than `cat` to EOF: kwok does not pass stdin's close on to a local command (kubectl exec -i hangs
  // the same way there); the half-close itself is checked against the fake server in the unit tests.
  await inSession(c.kubeconfig, { command: ['sh', '-c', 'read a; read b; echo "$a|$b"; read go'], tty: false }, async ({ out, session }) => {
    session.write('first line\n');
    session.write(Buffer.from('second ✓\n'));
    await until('the echo', () => out.stdout === 'first line|second ✓\n');
    session.write('\n');
    assert.deepEqual(await session.done, { kind: 'exited', exitCode: 0 });
  });
});

test('a TTY gets its size at start and after a resize', { timeout: 30_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  // The shell prints its size for every line it reads. The initial size travels on the resize channel beside the
  // process start, and a resize on its own channel, so either can land after a key pressed at once (as with
  // kubectl): a key is pressed again until the size shows, and each check reads only what came after its resize.
  await inSession(c.kubeconfig, { command: ['sh', '-c', 'while read a; do [ "$a" = q ] && exit 7; stty size; done'], tty: true, columns: 100, rows: 30 }, async ({ out, session }) => {
    const sizeShows = async (what: string, size: string, from: number) => {
      const poke = setInterval(() => session.write('\r'), 250);
      try {
        await until(what, () => out.stdout.slice(from).includes(`${size}\r\n`));
      } finally {
        clearInterval(poke);
      }
    };
    await sizeShows('the first size', '30 100', 0);
    const before = out.stdout.length;
    session.resize(132, 43);
    await sizeShows('the new size', '43 132', before);
    // Once the new size shows, the old one never comes back.
    const after = out.stdout.length;
    session.write('\r');
    await until('one more size', () => out.stdout.length > after);
    assert.doesNotMatch(out.stdout.slice(out.stdout.lastIndexOf('43 132')), /30 100/);
    session.write('q\r');
    assert.deepEqual(await session.done, { kind: 'exited', exitCode: 7 });
  });
});

test('the default Linux shell starts in one exec: bash when present, else sh', { timeout: 30_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await inSession(c.kubeconfig, { command: shellCommand(undefined, 'linux'), tty: true, columns: 80, rows: 24 }, async ({ out, session }) => {
    session.write('echo "shell=[$0]"\r');
    await until('the shell to answer', () => /shell=\[(bash|sh)\]\r\n/.test(out.stdout));
    session.write('exit 4\r');
    assert.deepEqual(await session.done, { kind: 'exited', exitCode: 4 });
  });
});

test('forbidden and missing containers are refused with the API server message', { timeout: 30_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  await assert.rejects(open(c.restrictedKubeconfig, { command: ['true'], tty: false }), (err: unknown) => {
    assert.ok(err instanceof UpgradeRefusedError);
    assert.equal(err.code, 403);
    assert.equal(err.message, `pods "hello" is forbidden: User "${c.restrictedUser}" cannot get resource "pods/exec" in API group "" in the namespace "demo"`);
    return true;
  });
  const api = fixture.api(c.kubeconfig);
  await assert.rejects(
    ExecSession.open(api, { ...at, container: 'nope', command: ['true'], tty: false }, collect().sink),
    (err: unknown) => err instanceof UpgradeRefusedError && err.code === 400 && /container nope is not valid for pod hello/.test(err.message),
  );
});
