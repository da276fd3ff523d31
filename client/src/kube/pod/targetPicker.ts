// Turns a command's argument into the pod (and container) it acts on. From a tree item the argument is the node
// itself (a PodTarget or ContainerTarget); from the command palette there is none, so the pods of the tree's context and
// namespace are offered in a quick pick. A container is asked for only when the pod has more than one.
import * as vscode from 'vscode';
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi } from '../cluster/clusterApi';
import { summarizePod } from './podStatus';
import type { PodTarget } from './targets';
import { containerChoices, type ContainerChoice } from './containers';
import type { PodActionDeps } from './podActionDeps';
import { inform, reportFailure, reportProblem, titled } from '../../notify';

export interface ResolvedPod {
  api: ClusterApi;
  target: PodTarget;
}

export interface ResolvedContainer extends ResolvedPod {
  container: ContainerChoice;
}

export function isPodTarget(arg: unknown): arg is PodTarget {
  const a = arg as Partial<PodTarget> | undefined;
  return typeof a?.contextName === 'string' && typeof a.namespace === 'string' && typeof a.name === 'string' && typeof a.pod === 'object';
}

/** No argument (a keybinding in the Pods view): the selected row, when it is a pod or a container. */
function orSelection(arg: unknown, deps: PodActionDeps): unknown {
  if (arg !== undefined) return arg;
  const selected = deps.selected?.();
  return isPodTarget(selected) ? selected : undefined;
}

function containerOf(arg: unknown): string | undefined {
  const c = (arg as { container?: unknown } | undefined)?.container;
  return typeof c === 'string' ? c : undefined;
}

export async function resolvePod(arg: unknown, deps: PodActionDeps, title: string): Promise<ResolvedPod | undefined> {
  arg = orSelection(arg, deps);
  if (isPodTarget(arg)) {
    const api = deps.apiFor(arg.contextName);
    if (!api) {
      reportProblem(`context "${arg.contextName}" is no longer in the kubeconfig.`);
      return undefined;
    }
    return { api, target: arg };
  }
  return pickPod(deps, title);
}

/**
 * The container to act on: the tree item's, or the only one, or the user's pick. `eligible` greys nothing out but
 * filters the list (e.g. containers with a previous instance); an empty list is reported with `emptyMessage`.
 */
export async function resolveContainer(
  arg: unknown,
  deps: PodActionDeps,
  title: string,
  eligible: (c: ContainerChoice) => boolean = () => true,
  emptyMessage = 'the pod has no container to pick',
): Promise<ResolvedContainer | undefined> {
  arg = orSelection(arg, deps);
  const pod = await resolvePod(arg, deps, title);
  if (!pod) return undefined;
  const all = containerChoices(pod.target.pod);
  const named = containerOf(arg);
  if (named) {
    const choice = all.find((c) => c.name === named) ?? { name: named, kind: 'app', hasPrevious: false, state: 'no status' };
    return { ...pod, container: choice };
  }
  const choices = all.filter(eligible);
  if (choices.length === 0) {
    reportProblem(`${emptyMessage} (pod "${pod.target.name}").`);
    return undefined;
  }
  if (choices.length === 1) return { ...pod, container: choices[0] };
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.name, description: `${c.kind} · ${c.state}`, choice: c })),
    { title: `${title}: container of ${pod.target.name}`, matchOnDescription: true },
  );
  return picked ? { ...pod, container: picked.choice } : undefined;
}

async function pickPod(deps: PodActionDeps, title: string): Promise<ResolvedPod | undefined> {
  const scope = deps.activeScope();
  const api = scope && deps.apiFor(scope.contextName);
  if (!scope || !api) {
    reportProblem('no Kubernetes context is selected. Choose one in the Pods view first.');
    return undefined;
  }
  let pods: V1Pod[];
  try {
    const list = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: titled('listing pods…') },
      () => api.listPods({ namespace: scope.namespace }),
    );
    pods = list.items;
  } catch (err) {
    reportFailure('listing pods', err);
    return undefined;
  }
  if (pods.length === 0) {
    void inform(`no pods in ${scope.namespace ? `namespace "${scope.namespace}"` : 'any namespace'} of "${scope.contextName}".`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    pods.map((pod) => ({
      label: pod.metadata?.name ?? '?',
      description: `${scope.namespace ? '' : `${pod.metadata?.namespace} · `}${summarizePod(pod).status}`,
      pod,
    })),
    { title: `${title}: pick a pod in ${scope.contextName}${scope.namespace ? `/${scope.namespace}` : ''}`, matchOnDescription: true },
  );
  if (!picked) return undefined;
  const target: PodTarget = {
    contextName: scope.contextName,
    namespace: picked.pod.metadata?.namespace ?? scope.namespace ?? 'default',
    name: picked.label,
    pod: picked.pod,
  };
  return { api, target };
}
