// The terminal bridge exec and attach share: output into the terminal, bare newlines fixed without a TTY, and the
// fallback a debug terminal uses (attach refused by the runtime -> a shell by exec, in the same terminal).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import type { ExecOutcome } from '../../../../client/src/kube/exec/execStatus';
import type { TerminalStep } from '../../../../client/src/kube/exec/execTerminal';
import { settle } from '../fakes/fakeCluster';
import { useFakeVscode } from '../fakes/routeVscode';
import { FakeExecServer } from '../fakes/fakeExecServer';
import { until } from '../../../support/until';

const fake = useFakeVscode();
let server: FakeExecServer;
let api: ClusterApi;
before(async () => { server = new FakeExecServer(); api = await server.listen(); });
after(() => server.close());

async function bridge() {
  return import('../../../../client/src/kube/exec/execTerminal.js');
}

function shown(): { pty: vscode.Pseudoterminal; text: () => string } {
  const pty = fake.recorded.terminals.at(-1)!.pty as vscode.Pseudoterminal;
  let text = '';
  pty.onDidWrite((d) => { text += d; });
  return { pty, text: () => text };
}

test('without a TTY bare newlines become CR LF, also across chunks, and CR LF stays as it is', async () => {
  const { toTerminalNewlines } = await bridge();
  assert.equal(toTerminalNewlines('a\nb\r\nc\n', false), 'a\r\nb\r\nc\r\n');
  assert.equal(toTerminalNewlines('\nnext', true), '\nnext', 'the CR ended the previous chunk');
  assert.equal(toTerminalNewlines('\nnext', false), '\r\nnext');
});

test('an attach the runtime refuses before printing anything falls back to the next session in the same terminal', async () => {
  const { openChannelTerminal } = await bridge();
  const { ExecSession } = await import('../../../../client/src/kube/exec/execSession.js');
  const ends: (ExecOutcome | undefined)[] = [];
  openChannelTerminal({
    name: 'debug web/debugger-abcde',
    steps: [
      { tty: true, banner: 'attaching…', open: (size, out) => ExecSession.attach(api, { namespace: 'ns', pod: 'noattach', container: 'app', stdin: true, tty: true, ...size }, out) },
      { tty: true, banner: 'a shell instead', open: (size, out) => ExecSession.open(api, { namespace: 'ns', pod: 'web', container: 'app', command: ['sh'], tty: true, ...size }, out) },
    ],
    onEnd: (o) => ends.push(o),
  });
  const { pty, text } = shown();
  pty.open({ columns: 80, rows: 24 });
  await until('the shell to answer', () => text().includes('size 80x24'));
  assert.match(text(), /attaching…[^]*no attaches found for container "app"[^]*a shell instead/);
  assert.deepEqual(ends, [], 'the refused attach is not the end of the session');
  pty.handleInput!('exit 0');
  await until('the end', () => ends.length === 1);
  assert.deepEqual(ends, [{ kind: 'exited', exitCode: 0 }]);
});

test('keys typed before the session connects reach it; closing the terminal while it runs tells the owner once', async () => {
  const ends: (ExecOutcome | undefined)[] = [];
  const { openChannelTerminal } = await bridge();
  const { ExecSession } = await import('../../../../client/src/kube/exec/execSession.js');
  openChannelTerminal({
    name: 'attach web/app',
    steps: [{ tty: false, open: (size, out) => ExecSession.attach(api, { namespace: 'ns', pod: 'web', container: 'app', stdin: true, tty: false, ...size }, out) }],
    onEnd: (o) => ends.push(o),
  });
  const { pty, text } = shown();
  pty.open(undefined);
  pty.handleInput!('hello\n');
  await until('the echo', () => text().includes('echo: hello\r\n'));
  pty.close();
  pty.close();
  assert.deepEqual(ends, [undefined]);
});

/** A running pod "web" in an in-memory API server (watched for deletion), and an attach step to it on the exec server. */
async function watchedPod() {
  const bridged = await bridge();
  const { ExecSession } = await import('../../../../client/src/kube/exec/execSession.js');
  const { FakeCluster } = await import('../fakes/fakeCluster.js');
  const cluster = new FakeCluster();
  cluster.create('ns', 'web', { status: { phase: 'Running' } });
  const step: TerminalStep = { tty: false, open: (size, out) => ExecSession.attach(api, { namespace: 'ns', pod: 'web', container: 'app', stdin: true, tty: false, ...size }, out) };
  return { ...bridged, cluster, step };
}

test('deleting the pod under an attach: the terminal says so when the deletion starts, and ends when the pod is gone', async () => {
  const { openChannelTerminal, podDeletionOption, cluster, step } = await watchedPod();
  const ends: (ExecOutcome | undefined)[] = [];
  openChannelTerminal({ name: 'attach web/app', steps: [step], onEnd: (o) => ends.push(o), podDeletion: podDeletionOption(cluster, 'ns', 'web', 'attach session') });
  const { pty, text } = shown();
  pty.open(undefined);
  await until('the pod watched', () => cluster.openWatches === 1);
  cluster.update('ns', 'web', (p) => { p.metadata!.deletionTimestamp = new Date(); });
  await until('the word on the deletion', () => text().includes('[podscope] pod "web" is being deleted; the attach session ends when it is gone.'));
  // The grace period: the process's last output still comes through.
  pty.handleInput!('last words\n');
  await until('the echo', () => text().includes('echo: last words\r\n'));
  assert.deepEqual(ends, []);
  cluster.remove('ns', 'web');
  await until('the end', () => ends.length === 1);
  assert.deepEqual(ends, [{ kind: 'error', message: 'pod "web" was deleted; the attach session ended' }]);
  assert.match(text(), /\[podscope\] pod "web" was deleted; the attach session ended/);
  await settle();
  assert.equal(cluster.openWatches, 0);
  pty.close();
  assert.deepEqual(ends.length, 1, 'closing the ended terminal reports nothing more');
});

test('closing the terminal stops watching the pod; a pod gone before the session opened ends it at once', async () => {
  const { openChannelTerminal, podDeletionOption, cluster, step } = await watchedPod();
  openChannelTerminal({ name: 'attach web/app', steps: [step], podDeletion: podDeletionOption(cluster, 'ns', 'web', 'attach session') });
  const first = shown();
  first.pty.open(undefined);
  await until('the pod watched', () => cluster.openWatches === 1);
  first.pty.close();
  await settle();
  assert.equal(cluster.openWatches, 0);

  const ends: (ExecOutcome | undefined)[] = [];
  openChannelTerminal({ name: 'shell gone/app', steps: [step], onEnd: (o) => ends.push(o), podDeletion: podDeletionOption(cluster, 'ns', 'gone', 'shell session') });
  const second = shown();
  second.pty.open(undefined);
  await until('the end', () => ends.length === 1);
  assert.deepEqual(ends, [{ kind: 'error', message: 'pod "gone" was deleted; the shell session ended' }]);
});
