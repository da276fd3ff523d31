// "Debug Container…": adds an ephemeral debug container to a pod (or re-attaches to one that still runs), waits for it
// with its state in a progress notification, then attaches a terminal to it as kubectl debug -it does, falling back to
// an exec shell when the runtime cannot attach. Ephemeral containers cannot be removed from a pod, so when the session
// ends the user hears that plainly and may stop the debugger's process, which makes the container terminate.
import * as vscode from 'vscode';
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi } from '../cluster/clusterApi';
import { attachStep, type AttachTarget } from '../exec/attach';
import { ExecSession } from '../exec/execSession';
import type { ExecOutcome } from '../exec/execStatus';
import { openChannelTerminal, podDeletionOption } from '../exec/execTerminal';
import { shellCommand } from '../exec/shellChoice';
import { podContainers } from '../pod/containers';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolvePod } from '../pod/targetPicker';
import type { ContainerKind } from '../pod/targets';
import { inform, reportFailure, reportProblem, titled, warn } from '../../notify';
import { addEphemeralContainer } from './addEphemeralContainer';
import { debugContainerName, debugState, describeDebugState, ephemeralContainer, parseCommand, reconnectCandidates } from './debugContainer';
import { imageChoices, type ImageHistory } from './imageHistory';
import { waitForDebugContainer } from './waitForDebugContainer';

export interface DebugCommandContext {
  deps: PodActionDeps;
  config: { readonly debugImage: string };
  debugImages: ImageHistory;
}

interface Where {
  api: ClusterApi;
  namespace: string;
  pod: string;
}

/** How long a debugger that was asked to stop (or whose session ended) gets to report itself terminated. */
const STOP_WAIT_MS = 10_000;

const debugCommand: CommandFactory<DebugCommandContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Debug Container');
  if (!r) return;
  const where: Where = { api: r.api, namespace: r.target.namespace, pod: r.target.name };
  // The tree's copy may lag a debugger added a moment ago; the server's is what reconnecting must see.
  const pod = await r.api.readPod(where.namespace, where.pod).catch(() => r.target.pod);
  const node = arg as { container?: unknown; kind?: ContainerKind } | undefined;
  const fromNode = typeof node?.container === 'string' ? node.container : undefined;
  if (fromNode && node?.kind === 'ephemeral' && debugState(pod, fromNode).kind === 'running') {
    openDebugTerminal(where, fromNode);
    return;
  }
  // A debugger's own (ended) item is no target: debug the pod then, as from its row.
  const target = fromNode && node?.kind !== 'ephemeral' ? fromNode : await pickTarget(pod, where.pod);
  if (target === null) return;
  const reconnect = await offerReconnect(pod, target);
  if (reconnect === null) return;
  if (reconnect) {
    openDebugTerminal(where, reconnect);
    return;
  }
  const image = await pickImage(ctx);
  if (!image) return;
  const commandText = await vscode.window.showInputBox({
    title: `Debug ${where.pod}: command (optional)`,
    placeHolder: 'Empty: the image\'s own entrypoint (a shell for busybox)',
  });
  if (commandText === undefined) return;
  await startDebugger(ctx, where, pod, { image, target, command: parseCommand(commandText) });
};

/** The container whose processes the debugger sees; undefined = none; null = the user cancelled. */
async function pickTarget(pod: V1Pod, podName: string): Promise<string | undefined | null> {
  const apps = podContainers(pod).filter((c) => c.kind === 'app' || c.kind === 'sidecar');
  if (apps.length === 1) return apps[0].name;
  const NONE = '(no target)';
  const picked = await vscode.window.showQuickPick(
    [...apps.map((c) => ({ label: c.name, description: `${c.kind} · ${c.spec.image ?? ''}` })), { label: NONE, description: 'the debugger sees only its own processes' }],
    { title: `Debug ${podName}: target container (shares its process namespace, as kubectl debug --target)` },
  );
  if (!picked) return null;
  return picked.label === NONE ? undefined : picked.label;
}

/** A running debugger to re-attach to; undefined = add a new one; null = the user cancelled. */
async function offerReconnect(pod: V1Pod, target: string | undefined): Promise<string | undefined | null> {
  const candidates = reconnectCandidates(pod, target);
  if (candidates.length === 0) return undefined;
  const NEW = '$(add) New debug container';
  const picked = await vscode.window.showQuickPick(
    [
      ...candidates.map((d) => ({ label: `$(plug) Re-attach to ${d.name}`, description: [d.image, d.target ? `target ${d.target}` : 'no target'].filter(Boolean).join(' · '), name: d.name })),
      { label: NEW, description: 'ephemeral containers cannot be removed: each new one stays in the pod', name: '' },
    ],
    { title: `Debug ${pod.metadata?.name ?? ''}: a debug container is still running` },
  );
  if (!picked) return null;
  return picked.name || undefined;
}

async function pickImage(ctx: DebugCommandContext): Promise<string | undefined> {
  const OTHER = '$(edit) Another image…';
  const images = imageChoices(ctx.config.debugImage, ctx.debugImages.list());
  const picked = await vscode.window.showQuickPick(
    [...images.map((i, n) => ({ label: i, description: n === 0 && i === ctx.config.debugImage ? 'podscope.debug.image' : 'recent' })), { label: OTHER, description: '' }],
    { title: 'Debug container image' },
  );
  if (!picked) return undefined;
  if (picked.label !== OTHER) return picked.label;
  const typed = await vscode.window.showInputBox({ title: 'Debug container image', placeHolder: 'e.g. nicolaka/netshoot:v0.13', validateInput: (t) => (t.trim() ? undefined : 'Enter an image') });
  return typed?.trim() || undefined;
}

async function startDebugger(ctx: DebugCommandContext, where: Where, pod: V1Pod, request: Parameters<typeof ephemeralContainer>[1]): Promise<void> {
  const name = debugContainerName(pod);
  let patched: V1Pod;
  try {
    patched = await addEphemeralContainer(where.api, where.namespace, where.pod, ephemeralContainer(name, request));
  } catch (err) {
    reportFailure(`adding a debug container to pod "${where.pod}"`, err);
    return;
  }
  await ctx.debugImages.remember(request.image);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: titled(`debug container ${name} in ${where.pod}`), cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return waitForDebugContainer(where.api, patched, name, { signal: abort.signal, onState: (s) => progress.report({ message: describeDebugState(name, s) }) });
    },
  ).then(undefined, (err: unknown) => {
    reportFailure(`waiting for debug container ${name}`, err);
    return undefined;
  });
  const stays = 'It stays in the pod: ephemeral containers cannot be removed.';
  switch (result?.kind) {
    case 'running': openDebugTerminal(where, name); break;
    case 'terminated':
    case 'failed': reportProblem(`${describeDebugState(name, result.state)}. ${stays}`); break;
    case 'podGone': reportProblem(`pod "${where.pod}" was deleted while ${name} was starting.`); break;
    case 'cancelled': void inform(`stopped waiting for ${name}; it may still start. Run Debug Container again to attach to it.`); break;
    case undefined: break;
  }
}

/** Attach to the debugger's shell as kubectl debug -it does; where the runtime cannot attach, a shell by exec. */
function openDebugTerminal(where: Where, name: string): void {
  const target: AttachTarget = { namespace: where.namespace, pod: where.pod, container: name, stdin: true, tty: true };
  const command = shellCommand(undefined, 'linux');
  openChannelTerminal({
    name: `debug ${where.pod}/${name}`,
    icon: 'debug',
    steps: [
      attachStep(where.api, target),
      { tty: true, banner: `Attaching is not possible here; starting a shell in ${name} instead.`, open: (size, out) => ExecSession.open(where.api, { ...target, command, tty: true, ...size }, out) },
    ],
    onEnd: (outcome) => void afterSession(where, name, outcome),
    podDeletion: podDeletionOption(where.api, where.namespace, where.pod, 'debug session'),
  });
}

/** The session ended: say what is left in the pod, and offer to stop a debugger that still runs. */
async function afterSession(where: Where, name: string, outcome: ExecOutcome | undefined): Promise<void> {
  const state = await settledState(where, name, outcome === undefined ? 0 : 3_000);
  if (state === 'running') {
    const choice = await inform(
      `the debug session ended but ${name} still runs in pod "${where.pod}". Ephemeral containers cannot be removed from a pod; stopping its process makes it terminate.`,
      'Stop It', 'Leave Running',
    );
    if (choice === 'Stop It') await stopDebugger(where, name);
    return;
  }
  if (state === 'terminated') void inform(`${name} has terminated. Ephemeral containers cannot be removed: it stays in pod "${where.pod}", shown as terminated.`);
}

/** The debugger's state once it had `ms` to report itself terminated; undefined when the pod cannot be read. */
async function settledState(where: Where, name: string, ms: number): Promise<'running' | 'terminated' | undefined> {
  try {
    const pod = await where.api.readPod(where.namespace, where.pod);
    const now = debugState(pod, name).kind;
    if (now !== 'running') return now === 'terminated' ? 'terminated' : undefined;
    if (ms === 0) return 'running';
    const result = await waitForDebugContainer(where.api, pod, name, { until: ['terminated'], signal: AbortSignal.timeout(ms) });
    return result.kind === 'terminated' ? 'terminated' : 'running';
  } catch {
    return undefined;
  }
}

/**
 * Ends the debugger's main process through its own terminal: Ctrl-C for whatever runs in the foreground, then `exit`
 * for the shell. Not `kill 1` by exec: with a target container the debugger shares its process namespace, and PID 1
 * there is the application.
 */
async function stopDebugger(where: Where, name: string): Promise<void> {
  try {
    const session = await ExecSession.attach(where.api, { namespace: where.namespace, pod: where.pod, container: name, stdin: true, tty: true }, { stdout: () => undefined, stderr: () => undefined });
    session.write('\x03');
    session.write('exit\r');
    const state = await settledState(where, name, STOP_WAIT_MS);
    session.close();
    if (state === 'terminated') void inform(`${name} stopped; it stays in pod "${where.pod}" as a terminated ephemeral container.`);
    else warn(`${name} did not stop within ${STOP_WAIT_MS / 1000} s: its process ignored Ctrl-C and exit. Attach to it and end it by hand.`);
  } catch (err) {
    reportFailure(`stopping debug container ${name}`, err);
  }
}

export const debugCommands = {
  'podscope.debug.container': debugCommand,
};
