// Debug containers and attach against the real local cluster, kubectl as the reference: the debugger Podscope adds is
// in `kubectl get pod -o yaml` with its target, runs (kwok's podscope-ephemeral stage plays the kubelet), takes a
// command, and re-opening Debug finds it instead of adding another; attach streams the main process's output (kwok
// serves a container's attach from the same file as its log); deleting the pod ends an attach or shell terminal with
// a message saying so; the restricted user is refused both, in the API server's words. Each test uses a pod of its own: ephemeral containers cannot be removed, so seeded pods stay clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import type { V1Pod } from '@kubernetes/client-node';
import { describeConnectionError, problemLabel } from '../../../client/src/kube/cluster/connectionError';
import { UpgradeRefusedError } from '../../../client/src/kube/cluster/channelConnector';
import { addEphemeralContainer } from '../../../client/src/kube/debug/addEphemeralContainer';
import { debugContainerName, ephemeralContainer, reconnectCandidates } from '../../../client/src/kube/debug/debugContainer';
import { waitForDebugContainer } from '../../../client/src/kube/debug/waitForDebugContainer';
import { ExecSession } from '../../../client/src/kube/exec/execSession';
import type { Cluster } from '../cluster';
import { until } from '../../support/until';
import { useFakeVscode } from '../../client/kube/fakes/routeVscode';
import { useCluster } from './clusterFixture';

const vscode = useFakeVscode();

const LABEL = { 'podscope.dev/test': 'debug' };
const fixture = useCluster('debug container tests', {
  cleanup: async (c) => { await c?.kubectl.run(['delete', 'pod', '-n', 'demo', '-l', 'podscope.dev/test=debug', '--grace-period=0', '--force', '--wait=false']); },
});

/** A running pod of the test's own, as the tree would hand it over. */
async function scratchPod(c: Cluster): Promise<V1Pod> {
  const name = `podscope-debug-${randomUUID().slice(0, 8)}`;
  await c.kubectl.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'demo', labels: LABEL }, spec: { containers: [{ name: 'app', image: 'distroless-app:1' }] } }]);
  const api = fixture.api(c.kubeconfig);
  let pod: V1Pod | undefined;
  await until('the pod to run', async () => (pod = await api.readPod('demo', name)).status?.phase === 'Running', { intervalMs: 200 });
  return pod!;
}

function collect() {
  const out = { stdout: '' };
  return { out, sink: { stdout: (d: Buffer) => { out.stdout += d.toString('utf8'); }, stderr: (d: Buffer) => { out.stdout += d.toString('utf8'); } } };
}

test('a debugger targeting the app is in kubectl get -o yaml, runs, takes a command, and re-opening finds it', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const pod = await scratchPod(c);
  const podName = pod.metadata!.name!;
  const name = debugContainerName(pod);
  const added = await addEphemeralContainer(api, 'demo', podName, ephemeralContainer(name, { image: 'busybox:1.36', target: 'app' }));

  const yaml = parse(await c.kubectl.ok(['get', 'pod', '-n', 'demo', podName, '-o', 'yaml'])) as V1Pod;
  assert.deepEqual(yaml.spec?.ephemeralContainers?.map((e) => [e.name, e.image, e.targetContainerName, e.stdin, e.tty]), [[name, 'busybox:1.36', 'app', true, true]]);
  assert.match(name, /^debugger-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

  const states: string[] = [];
  const result = await waitForDebugContainer(api, added, name, { onState: (s) => states.push(s.kind), signal: AbortSignal.timeout(30_000) });
  assert.equal(result.kind, 'running', `states seen: ${states.join(', ')}`);

  // kwok runs an exec on this host, in its sandbox: the command's output is the proof it ran "in" the debugger.
  const { out, sink } = collect();
  const shell = await ExecSession.open(api, { namespace: 'demo', pod: podName, container: name, command: ['sh', '-c', 'echo in-debugger; read go'], tty: false }, sink);
  try {
    await until('the command output', () => out.stdout === 'in-debugger\n');
    shell.write('\n');
    assert.deepEqual(await shell.done, { kind: 'exited', exitCode: 0 });
  } finally {
    shell.close();
  }

  // Re-opening Debug on the pod: the decision offers the running debugger, so no second container is added.
  const again = await api.readPod('demo', podName);
  assert.deepEqual(reconnectCandidates(again, 'app').map((d) => d.name), [name]);
  assert.equal(again.spec?.ephemeralContainers?.length, 1);
});

test('attach streams what the main process prints from then on', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const pod = await scratchPod(c);
  const podName = pod.metadata!.name!;
  const { out, sink } = collect();
  const before = `before-${randomUUID()}`;
  c.appendLog('demo', podName, 'app', before);
  const session = await ExecSession.attach(api, { namespace: 'demo', pod: podName, container: 'app', stdin: false, tty: false }, sink);
  try {
    const line = `main-process-${randomUUID()}`;
    // The stream starts at the file's end once kwok opened it: append until a line shows, as a process would keep printing.
    const poke = setInterval(() => c.appendLog('demo', podName, 'app', line), 300);
    try {
      await until('the main process output', () => out.stdout.includes(`${line}\n`));
    } finally {
      clearInterval(poke);
    }
    assert.ok(!out.stdout.includes(before), 'attach shows output from now on, not the history (that is what logs are for)');
  } finally {
    session.close();
  }
});

/** What a recorded terminal prints from now on, once opened at 80x24. */
function opened(terminal: { pty: unknown }): { pty: { close(): void; handleInput(d: string): void }; text: () => string } {
  const pty = terminal.pty as { open(d: unknown): void; close(): void; handleInput(d: string): void; onDidWrite(l: (d: string) => void): void };
  let text = '';
  pty.onDidWrite((d) => { text += d; });
  pty.open({ columns: 80, rows: 24 });
  return { pty, text: () => text };
}

test('deleting the pod under an attach and under a shell ends each terminal with a message saying so', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const pod = await scratchPod(c);
  const podName = pod.metadata!.name!;
  const { openAttach } = await import('../../../client/src/kube/exec/attach.js');
  const { openShell } = await import('../../../client/src/kube/exec/openShell.js');
  const resolved = {
    api: fixture.api(c.kubeconfig),
    target: { contextName: 'podscope', namespace: 'demo', name: podName, pod },
    container: { name: 'app', kind: 'app' as const, hasPrevious: false, state: 'Running' },
  };
  const ends: string[] = [];
  openAttach(resolved, (o) => ends.push(`attach ${JSON.stringify(o)}`));
  const attach = opened(vscode.recorded.terminals.at(-1)!);
  await openShell(resolved, 'sh');
  const shell = opened(vscode.recorded.terminals.at(-1)!);
  try {
    // Both sessions live: the attach shows what the main process prints, the shell answers.
    const line = `alive-${randomUUID()}`;
    const poke = setInterval(() => { c.appendLog('demo', podName, 'app', line); shell.pty.handleInput(`echo ${line}\r`); }, 300);
    try {
      await until('both sessions to answer', () => attach.text().includes(line) && shell.text().includes(`\r\n${line}\r\n`));
    } finally {
      clearInterval(poke);
    }

    const deletedAt = Date.now();
    await c.kubectl.ok(['delete', 'pod', '-n', 'demo', podName, '--wait=false']);
    const endOf = (what: string, text: () => string) => until(`the ${what} to end`, () => (text().includes(`[podscope] pod "${podName}" was deleted; the ${what} session ended`) ? Date.now() - deletedAt : undefined), 30_000);
    const [attachMs, shellMs] = await Promise.all([endOf('attach', attach.text), endOf('shell', shell.text)]);
    t.diagnostic(`pod deleted (kubectl delete, default grace): attach ended ${attachMs} ms and shell ${shellMs} ms after the delete was sent`);
    assert.deepEqual(ends, [`attach ${JSON.stringify({ kind: 'error', message: `pod "${podName}" was deleted; the attach session ended` })}`]);
    assert.match(attach.text(), /Press any key to close the terminal\./);
  } finally {
    attach.pty.close();
    shell.pty.close();
  }
});

test('the restricted user may neither add a debugger nor attach: the API server says so', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const pod = await scratchPod(c);
  const podName = pod.metadata!.name!;
  const viewer = fixture.api(c.restrictedKubeconfig);
  const err = await addEphemeralContainer(viewer, 'demo', podName, ephemeralContainer('debugger-zzzzz', { image: 'busybox:1.36', target: 'app' })).catch((e: unknown) => e);
  assert.equal(
    problemLabel(describeConnectionError(err)),
    `Forbidden (403): pods "${podName}" is forbidden: User "${c.restrictedUser}" cannot patch resource "pods/ephemeralcontainers" in API group "" in the namespace "demo"`,
  );
  assert.equal((await c.kubectl.ok(['get', 'pod', '-n', 'demo', podName, '-o', 'jsonpath={.spec.ephemeralContainers}'])).trim(), '', 'nothing was added');

  await assert.rejects(ExecSession.attach(viewer, { namespace: 'demo', pod: podName, container: 'app', stdin: true, tty: true }, collect().sink), (e: unknown) => {
    assert.ok(e instanceof UpgradeRefusedError);
    assert.equal(e.code, 403);
    assert.equal(e.message, `pods "${podName}" is forbidden: User "${c.restrictedUser}" cannot get resource "pods/attach" in API group "" in the namespace "demo"`);
    return true;
  });
});

/**
 * Runs "Debug Container…" on the pod as the tree would, answering its questions: the image (picked, or typed when not
 * offered), an empty command, and for the reconnect question the first offer. Returns the quick picks' titles.
 */
async function runDebugCommand(c: Cluster, pod: V1Pod, image: string): Promise<string[]> {
  const { debugCommands } = await import('../../../client/src/kube/debug/debugCommand.js');
  const { ImageHistory } = await import('../../../client/src/kube/debug/imageHistory.js');
  const api = fixture.api(c.kubeconfig);
  const store = new Map<string, unknown>();
  const titles: string[] = [];
  const win = vscode.window as unknown as Record<string, unknown>;
  win.showQuickPick = async (items: { label: string }[], options: { title: string }) => {
    titles.push(options.title);
    if (!/image/.test(options.title)) return items[0];
    return items.find((i) => i.label === image) ?? items.find((i) => i.label.includes('Another image'));
  };
  // The image when it was not offered (typed in), and an empty command.
  win.showInputBox = async (options: { title: string }) => (/image/.test(options.title) ? image : '');
  const ctx = {
    deps: { apiFor: () => api, activeScope: () => undefined },
    config: { debugImage: 'busybox:1.36' },
    debugImages: new ImageHistory({ get: <T>(k: string) => store.get(k) as T | undefined, update: async (k: string, v: unknown) => { store.set(k, v); } }),
  };
  await debugCommands['podscope.debug.container'](ctx)({ contextName: 'podscope', namespace: 'demo', name: pod.metadata!.name!, pod });
  return titles;
}

test('Debug Container… adds a debugger, attaches a terminal to it, and running it again re-attaches instead of adding another', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const pod = await scratchPod(c);
  const podName = pod.metadata!.name!;
  const api = fixture.api(c.kubeconfig);

  const firstPicks = await runDebugCommand(c, pod, 'busybox:1.36');
  assert.deepEqual(firstPicks, ['Debug container image'], 'nothing to reconnect to: straight to the image');
  const [added] = (await api.readPod('demo', podName)).spec?.ephemeralContainers ?? [];
  assert.equal(added?.targetContainerName, 'app', 'the only app container is the target');
  assert.ok(vscode.recorded.progress.some((m) => m === `${added.name} is running`), vscode.recorded.progress.join('\n'));
  const terminal = vscode.recorded.terminals.at(-1)!;
  assert.equal(terminal.name, `debug ${podName}/${added.name}`);

  // The terminal attaches to the debugger's main process: what it prints shows up.
  const pty = terminal.pty as { open(d: unknown): void; close(): void; onDidWrite(l: (d: string) => void): void };
  let text = '';
  pty.onDidWrite((d) => { text += d; });
  pty.open({ columns: 80, rows: 24 });
  const line = `from-debugger-${randomUUID()}`;
  const poke = setInterval(() => c.appendLog('demo', podName, added.name, line), 300);
  try {
    await until('the attached output', () => text.includes(line));
  } finally {
    clearInterval(poke);
  }
  assert.match(text, /If you don't see a command prompt, try pressing enter\./);
  pty.close();
  await until('the word on what is left behind', () => vscode.recorded.messages.find((m) => m.includes(`${added.name} still runs in pod "${podName}"`)));
  assert.ok(vscode.recorded.messages.some((m) => /Ephemeral containers cannot be removed from a pod/.test(m)));

  const secondPicks = await runDebugCommand(c, await api.readPod('demo', podName), 'busybox:1.36');
  assert.deepEqual(secondPicks, [`Debug ${podName}: a debug container is still running`], 'offered the running debugger, not a new image');
  assert.equal((await api.readPod('demo', podName)).spec?.ephemeralContainers?.length, 1, 'no second debugger was added');
  assert.equal(vscode.recorded.terminals.at(-1)!.name, `debug ${podName}/${added.name}`);
});

test('a debug image that cannot be pulled ends the wait with the kubelet\'s reason, and says the container stays', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const pod = await scratchPod(c);
  const terminals = vscode.recorded.terminals.length;
  await runDebugCommand(c, pod, 'podscope.invalid/nope:1');
  const [added] = (await fixture.api(c.kubeconfig).readPod('demo', pod.metadata!.name!)).spec?.ephemeralContainers ?? [];
  assert.ok(
    vscode.recorded.messages.includes(`error: Podscope: ${added.name} cannot start: ImagePullBackOff: Back-off pulling image "podscope.invalid/nope:1": not found. It stays in the pod: ephemeral containers cannot be removed.`),
    vscode.recorded.messages.join('\n'),
  );
  assert.equal(vscode.recorded.terminals.length, terminals, 'no terminal for a debugger that never ran');
});
