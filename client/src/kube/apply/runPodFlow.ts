// The quick-input flow of "Run a Pod": name, image, optional args and port (each checked as it is typed), in the
// tree's namespace (or one chosen when the tree shows all), then the new pod revealed in the tree once its watch
// delivers it.
import * as vscode from 'vscode';
import { inform, reportFailure } from '../../notify';
import type { ClusterApi } from '../cluster/clusterApi';
import type { ActiveScope } from '../pod/podActionDeps';
import type { TreeCommandHost } from '../tree/treeCommands';
import { clusterObjectTransport } from './objectTransport';
import { imageProblem, podNameProblem, portProblem, runPod, type RunInput } from './runPod';

const TITLE = 'Podscope: Run a Pod';

async function chooseNamespace(api: ClusterApi, scope: ActiveScope): Promise<string | undefined> {
  if (scope.namespace !== undefined) return scope.namespace;
  const list = await api.listNamespaces();
  const names = list.items.map((n) => n.metadata?.name ?? '').filter((n) => n !== '');
  return vscode.window.showQuickPick(names, { title: TITLE, placeHolder: 'Namespace of the new pod' });
}

async function askInput(step: number, prompt: string, validate: (v: string) => string | undefined, placeHolder?: string): Promise<string | undefined> {
  return vscode.window.showInputBox({ title: `${TITLE} (${step}/4)`, prompt, placeHolder, ignoreFocusOut: true, validateInput: validate });
}

async function askRun(): Promise<RunInput | undefined> {
  const name = await askInput(1, 'Pod name (also the container\'s name, as kubectl run)', podNameProblem, 'e.g. web');
  if (name === undefined) return undefined;
  const image = await askInput(2, 'Image', imageProblem, 'e.g. nginx:1.27');
  if (image === undefined) return undefined;
  const args = await askInput(3, 'Arguments (optional; what kubectl run takes after --)', () => undefined, 'e.g. sleep 3600');
  if (args === undefined) return undefined;
  const port = await askInput(4, 'Container port (optional)', portProblem, 'e.g. 80');
  if (port === undefined) return undefined;
  return { name, image, args, port };
}

/** Asks and creates; the created pod's place, or undefined when cancelled or refused (after saying why). */
export async function runPodFlow(api: ClusterApi, scope: ActiveScope): Promise<{ namespace: string; name: string } | undefined> {
  let namespace: string | undefined;
  try {
    namespace = await chooseNamespace(api, scope);
    if (namespace === undefined) return undefined;
    const input = await askRun();
    if (!input) return undefined;
    const ns = namespace;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${TITLE}: creating "${input.name}" in "${ns}"…` }, () =>
      runPod(clusterObjectTransport(api), ns, input));
    void inform(`pod "${input.name}" created in namespace "${ns}" (context "${scope.contextName}").`);
    return { namespace: ns, name: input.name };
  } catch (err) {
    reportFailure(namespace === undefined ? 'listing namespaces' : `running a pod in namespace "${namespace}"`, err);
    return undefined;
  }
}

/** Selects the pod in the tree once the tree's watch has it (a few seconds at most); quietly gives up otherwise. */
export async function revealPod(host: TreeCommandHost, contextName: string, namespace: string, name: string, timeoutMs = 10_000): Promise<boolean> {
  const find = () => host.model.findPod(contextName, namespace, name);
  let node = find();
  if (!node) {
    node = await new Promise((resolve) => {
      const timer = setTimeout(() => { sub.dispose(); resolve(undefined); }, timeoutMs);
      const sub = host.model.onDidChange(() => {
        const found = find();
        if (found) { clearTimeout(timer); sub.dispose(); resolve(found); }
      });
    });
  }
  if (!node) return false;
  await host.treeView.reveal(node, { select: true, focus: true, expand: false });
  return true;
}
