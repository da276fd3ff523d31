// What a debug container is, as `kubectl debug -it --target` makes it (kubectl pkg/cmd/debug/debug.go,
// generateEphemeralContainer and computeDebugContainerName, and profiles.go): named `debugger-` and five random
// characters, stdin and a TTY, the termination message read from its file, the target container whose process
// namespace it joins, and SYS_PTRACE as kubectl's default "general" profile adds it, so tools like strace work. Pure.
import type { V1ContainerState, V1EphemeralContainer, V1Pod } from '@kubernetes/client-node';
import { podContainers } from '../pod/containers';

/** k8s.io/apimachinery/pkg/util/rand's alphabet: no vowels, no look-alike digits, so no words and no confusion. */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface DebugRequest {
  image: string;
  /** The container whose process namespace the debugger shares; undefined = none (the pod's own, if it shares one). */
  target?: string;
  /** Replaces the image's entrypoint; empty = the image's own (a shell for busybox). */
  command?: readonly string[];
}

/** A container name not yet used in the pod, as kubectl picks it: `debugger-` plus five characters. */
export function debugContainerName(pod: V1Pod, random: () => number = Math.random): string {
  const taken = new Set(podContainers(pod).map((c) => c.name));
  for (;;) {
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length)];
    const name = `debugger-${suffix}`;
    if (!taken.has(name)) return name;
  }
}

export function ephemeralContainer(name: string, request: DebugRequest): V1EphemeralContainer {
  return {
    name,
    image: request.image,
    stdin: true,
    tty: true,
    terminationMessagePolicy: 'File',
    securityContext: { capabilities: { add: ['SYS_PTRACE'] } },
    ...(request.target ? { targetContainerName: request.target } : {}),
    ...(request.command?.length ? { command: [...request.command] } : {}),
  };
}

/**
 * The strategic merge patch for the `ephemeralcontainers` subresource: `ephemeralContainers` merges by name, so the
 * list holds only the new container (what kubectl's two-way merge patch of the pod with and without it comes to).
 */
export function ephemeralPatch(container: V1EphemeralContainer): string {
  return JSON.stringify({ spec: { ephemeralContainers: [container] } });
}

/** The command line the input box takes, split like a shell would for simple words and quotes. */
export function parseCommand(text: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]));
  return words;
}

export type DebugState =
  | { kind: 'absent' }
  | { kind: 'waiting'; reason?: string; message?: string }
  | { kind: 'running' }
  | { kind: 'terminated'; reason?: string; exitCode?: number; message?: string }
  /** Waiting for a reason that will not pass by itself (the image cannot be pulled or the container not made). */
  | { kind: 'failed'; reason: string; message?: string };

/** Waiting reasons that end the wait: the kubelet keeps retrying, but nothing will change without the user. */
const HOPELESS = new Set([
  'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CreateContainerConfigError',
  'CreateContainerError', 'RunContainerError',
]);

export function debugState(pod: V1Pod, name: string): DebugState {
  const status = pod.status?.ephemeralContainerStatuses?.find((s) => s.name === name);
  return stateOf(status?.state);
}

function stateOf(state: V1ContainerState | undefined): DebugState {
  if (state?.running) return { kind: 'running' };
  const t = state?.terminated;
  if (t) return { kind: 'terminated', reason: t.reason, exitCode: t.exitCode, message: t.message };
  const w = state?.waiting;
  if (w?.reason && HOPELESS.has(w.reason)) return { kind: 'failed', reason: w.reason, message: w.message };
  if (w) return { kind: 'waiting', reason: w.reason, message: w.message };
  return { kind: 'absent' };
}

/** One line for the progress notification and the final message. */
export function describeDebugState(name: string, s: DebugState): string {
  const why = (reason?: string, message?: string) => [reason, message].filter(Boolean).join(': ');
  switch (s.kind) {
    case 'absent': return `waiting for the kubelet to start ${name}…`;
    case 'waiting': return `${name} is waiting${s.reason ? ` (${why(s.reason, s.message)})` : ''}…`;
    case 'running': return `${name} is running`;
    case 'terminated': return `${name} terminated (${why(s.reason, s.message) || `exit code ${s.exitCode ?? 0}`})`;
    case 'failed': return `${name} cannot start: ${why(s.reason, s.message)}`;
  }
}

export interface RunningDebugger {
  name: string;
  image: string | undefined;
  target: string | undefined;
  /** It took stdin, so an attach can type to it. */
  interactive: boolean;
}

/** The pod's ephemeral containers that still run: what re-opening Debug offers to re-attach to. */
export function runningDebuggers(pod: V1Pod): RunningDebugger[] {
  return (pod.spec?.ephemeralContainers ?? [])
    .filter((c) => debugState(pod, c.name).kind === 'running')
    .map((c) => ({ name: c.name, image: c.image, target: c.targetContainerName, interactive: c.stdin === true }));
}

/**
 * Reconnect or add: the running debuggers worth offering, those on the chosen target first. Empty = add a new one
 * without asking (nothing to reconnect to).
 */
export function reconnectCandidates(pod: V1Pod, target: string | undefined): RunningDebugger[] {
  const running = runningDebuggers(pod).filter((d) => d.interactive);
  return [...running.filter((d) => d.target === target), ...running.filter((d) => d.target !== target)];
}
