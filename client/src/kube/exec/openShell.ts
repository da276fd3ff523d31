// "Open Shell": checks the container can take an exec, picks the shell for the pod's OS, opens the terminal.
import * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import type { ResolvedContainer } from '../pod/targetPicker';
import { execBlocker } from './execPreflight';
import { openExecTerminal } from './execTerminal';
import { podOs, podStatesOs, shellCommand, type PodOs } from './shellChoice';
import { reportProblem } from '../../notify';

const nodeOsCache = new Map<string, PodOs>();

export async function openShell(resolved: ResolvedContainer, shellSetting: string | undefined): Promise<vscode.Terminal | undefined> {
  const { api, target, container } = resolved;
  const blocker = execBlocker(target.pod, container.name);
  if (blocker) {
    reportProblem(`cannot open a shell in ${target.name}: ${blocker}.`);
    return undefined;
  }
  const os = shellSetting?.trim() ? 'linux' : await osOf(api, target.pod);
  const command = shellCommand(shellSetting, os);
  return openExecTerminal(api, { namespace: target.namespace, pod: target.name, container: container.name, command }, `${target.name}/${container.name}`);
}

/** The pod's OS; the node is read only when the pod does not say, and a refused or slow read means Linux. */
async function osOf(api: ClusterApi, pod: ResolvedContainer['target']['pod']): Promise<PodOs> {
  const node = pod.spec?.nodeName;
  if (podStatesOs(pod) || !node) return podOs(pod);
  const key = `${api.contextName}/${node}`;
  const cached = nodeOsCache.get(key);
  if (cached) return cached;
  try {
    const n = await api.readNode(node);
    const os = podOs(pod, n.metadata?.labels);
    nodeOsCache.set(key, os);
    return os;
  } catch {
    return 'linux';
  }
}
