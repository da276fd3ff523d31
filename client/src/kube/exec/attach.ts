// "Attach": the terminal of a container's main process, as `kubectl attach -it` gives it. Stdin and a TTY only when
// the container asked for them (a process without stdin is watched, not typed to), and like kubectl a hint to press
// Enter, because attaching shows only what the process prints from now on.
import type * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import { podContainer } from '../pod/containers';
import type { ResolvedContainer } from '../pod/targetPicker';
import { reportProblem } from '../../notify';
import { execBlocker } from './execPreflight';
import type { ExecOutcome } from './execStatus';
import { ExecSession, type AttachRequest } from './execSession';
import { openChannelTerminal, podDeletionOption, type TerminalStep } from './execTerminal';

export type AttachTarget = Omit<AttachRequest, 'columns' | 'rows'>;

/** What an attach to this container can use: stdin and a TTY as its spec declares them (a TTY needs stdin). */
export function attachTarget(pod: ResolvedContainer['target']['pod'], namespace: string, podName: string, container: string): AttachTarget {
  const spec = podContainer(pod, container)?.spec;
  const stdin = spec?.stdin === true;
  return { namespace, pod: podName, container, stdin, tty: stdin && spec?.tty === true };
}

export function attachBanner(target: AttachTarget): string {
  if (!target.stdin) return `Attached to ${target.container} (read-only: the container has no stdin).`;
  return 'If you don\'t see a command prompt, try pressing enter.';
}

export function attachStep(api: ClusterApi, target: AttachTarget): TerminalStep {
  return {
    tty: target.tty,
    banner: attachBanner(target),
    open: (size, out) => ExecSession.attach(api, { ...target, ...size }, out),
  };
}

export function openAttach(resolved: ResolvedContainer, onEnd?: (outcome: ExecOutcome | undefined) => void): vscode.Terminal | undefined {
  const { api, target, container } = resolved;
  const blocker = execBlocker(target.pod, container.name);
  if (blocker) {
    reportProblem(`cannot attach to ${target.name}: ${blocker}.`);
    return undefined;
  }
  const t = attachTarget(target.pod, target.namespace, target.name, container.name);
  return openChannelTerminal({
    name: `attach ${target.name}/${container.name}`, icon: 'plug', steps: [attachStep(api, t)], onEnd,
    podDeletion: podDeletionOption(api, target.namespace, target.name, 'attach session'),
  });
}
