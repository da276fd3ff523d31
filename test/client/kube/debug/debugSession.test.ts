// The end of a debug session, where the cluster test cannot go (kwok's debuggers never read what is typed and never
// end): closing the terminal of a debugger that still runs says it cannot be removed and offers to stop it; stopping
// types Ctrl-C and `exit` into its own terminal (never `kill 1`, which with a target is the application) and waits
// for the container to report itself terminated.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { ClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import { useFakeVscode } from '../fakes/routeVscode';
import { FakeExecServer } from '../fakes/fakeExecServer';
import { FakeCluster } from '../fakes/fakeCluster';
import { until } from '../../../support/until';

const fake = useFakeVscode();
let server: FakeExecServer;
let streams: ClusterApi;
before(async () => { server = new FakeExecServer(); streams = await server.listen(); });
after(() => server.close());

const NAME = 'debugger-abcde';

function debuggedPod(cluster: FakeCluster) {
  cluster.create('ns', 'web', {
    spec: { containers: [{ name: 'app', image: 'a' }], ephemeralContainers: [{ name: NAME, image: 'busybox:1.36', targetContainerName: 'app', stdin: true, tty: true }] },
    status: {
      phase: 'Running',
      ephemeralContainerStatuses: [{ name: NAME, image: 'busybox:1.36', imageID: '', ready: false, restartCount: 0, state: { running: { startedAt: new Date(0) } } }],
    },
  });
}

test('closing a running debugger\'s terminal offers to stop it; stopping types Ctrl-C and exit and waits for it to terminate', async () => {
  const cluster = new FakeCluster();
  debuggedPod(cluster);
  // Pods from the fake API server, streams from the fake websocket server.
  const api = {
    contextName: 'fake', timeoutMs: 15_000,
    readPod: cluster.readPod.bind(cluster), watchPods: cluster.watchPods.bind(cluster),
    attacher: streams.attacher.bind(streams), exec: streams.exec.bind(streams),
  } as unknown as ClusterApi;
  const answers: string[] = [];
  const win = fake.window as unknown as Record<string, unknown>;
  win.showQuickPick = async (items: { label: string }[]) => items[0];
  win.showInformationMessage = async (text: string, ...actions: string[]) => {
    fake.recorded.messages.push(`info: ${text}`);
    answers.push(actions.join('|'));
    return actions.includes('Stop It') ? 'Stop It' : undefined;
  };
  const { debugCommands } = await import('../../../../client/src/kube/debug/debugCommand.js');
  const ctx = { deps: { apiFor: () => api, activeScope: () => undefined }, config: { debugImage: 'busybox:1.36' }, debugImages: { list: () => [], remember: async () => undefined } };
  const pod = await cluster.readPod('ns', 'web');
  await debugCommands['podscope.debug.container'](ctx as never)({ contextName: 'fake', namespace: 'ns', name: 'web', pod, container: NAME, kind: 'ephemeral' });

  const terminal = fake.recorded.terminals.at(-1)!;
  assert.equal(terminal.name, `debug web/${NAME}`, 'a running debugger\'s own tree item re-attaches at once');
  const pty = terminal.pty as vscode.Pseudoterminal;
  pty.open({ columns: 80, rows: 24 });
  await until('the attach', () => server.calls.some((c) => c.path.endsWith('/attach')));
  pty.close();

  const stopCall = await until('the stop to attach', () => server.calls.filter((c) => c.path.endsWith('/attach'))[1]);
  await until('Ctrl-C and exit typed', () => stopCall.stdin === '\x03exit\r');
  assert.ok(server.calls.every((c) => !c.command.includes('kill')), 'no kill by exec');
  cluster.update('ns', 'web', (p) => { p.status!.ephemeralContainerStatuses![0].state = { terminated: { exitCode: 130, reason: 'Error' } }; });
  await until('the word it stopped', () => fake.recorded.messages.find((m) => m.includes(`${NAME} stopped`)));
  assert.deepEqual(answers[0], 'Stop It|Leave Running');
  assert.match(fake.recorded.messages.join('\n'), new RegExp(`${NAME} still runs in pod "web". Ephemeral containers cannot be removed from a pod`));
  assert.match(fake.recorded.messages.at(-1)!, new RegExp(`info: Podscope: ${NAME} stopped; it stays in pod "web" as a terminated ephemeral container\\.`));
});
