// The pod explorer's commands (logs, exec, pod actions): one factory per command, (ctx) => handler, registered in one
// place (kube/actions/index.ts). A handler receives the tree node it was invoked on, or nothing from the palette.
import * as vscode from 'vscode';
import { describePod } from './kube/actions/describe';
import { podNameText } from './kube/actions/copyName';
import { confirmationMessage, deleteChoices, deletePod, graceInputError, type DeleteMode } from './kube/actions/deletePod';
import { clusterDryRunTransport } from './kube/dryRun/clusterDryRunTransport';
import { containerChoices } from './kube/pod/containers';
import type { ClusterDiagnostics } from './kube/dryRun/clusterDiagnostics';
import { dryRunManifest, dryRunSummary } from './kube/dryRun/dryRunValidate';
import type { PodActionDeps } from './kube/pod/podActionDeps';
import { fetchPodYaml } from './kube/actions/podYaml';
import { declaredPorts, PortForwardSession, type PortForwardRegistry } from './kube/actions/portForward';
import { DESCRIBE_SCHEME, podDocumentUri, YAML_SCHEME, type ReadOnlyDocuments } from './kube/actions/readOnlyDocuments';
import { resolveContainer, resolvePod } from './kube/pod/targetPicker';
import { describeConnectionError, problemLabel } from './kube/cluster/connectionError';
import { openShell } from './kube/exec/openShell';
import { logDefaults, type LogDefaults } from './kube/logs/logDefaults';
import { askLogOptions } from './kube/logs/logPrompts';
import type { LogSpec } from './kube/logs/logSession';
import { LOG_SCHEME, type LogViews } from './kube/logs/logView';
import type { PodTarget } from './kube/pod/targets';

export interface PodCommandContext {
  deps: PodActionDeps;
  logViews: LogViews;
  documents: ReadOnlyDocuments;
  forwards: PortForwardRegistry;
  clusterDiagnostics: ClusterDiagnostics;
}

type Handler = (arg?: unknown) => unknown;
export type CommandFactory = (ctx: PodCommandContext) => Handler;

export const POD_ACTION_COMMANDS = {
  showLogs: 'podscope.logs.show',
  showLogsWithOptions: 'podscope.logs.showWithOptions',
  showAllContainerLogs: 'podscope.logs.showAllContainers',
  showPreviousLogs: 'podscope.logs.showPrevious',
  stopLogs: 'podscope.logs.stop',
  restartLogs: 'podscope.logs.restart',
  saveLogs: 'podscope.logs.save',
  openShell: 'podscope.exec.shell',
  describe: 'podscope.pod.describe',
  viewYaml: 'podscope.pod.yaml',
  refreshDocument: 'podscope.pod.refreshDocument',
  delete: 'podscope.pod.delete',
  copyName: 'podscope.pod.copyName',
  portForward: 'podscope.pod.portForward',
  listPortForwards: 'podscope.portForward.list',
  validateOnCluster: 'podscope.manifest.validateOnCluster',
} as const;

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('podscope');
}

export function currentLogDefaults(): LogDefaults {
  const c = settings();
  return logDefaults({
    follow: c.get('logs.follow'),
    timestamps: c.get('logs.timestamps'),
    tailLines: c.get('logs.tailLines'),
    since: c.get('logs.since'),
    maxLines: c.get('logs.maxLines'),
  });
}

function fail(err: unknown, doing: string): void {
  void vscode.window.showErrorMessage(`Podscope: ${doing} failed: ${problemLabel(describeConnectionError(err))}`);
}

function specFor(target: PodTarget, containers: string[], d: Pick<LogDefaults, 'follow' | 'timestamps' | 'tailLines' | 'sinceSeconds'>, previous: boolean): LogSpec {
  return {
    namespace: target.namespace,
    pod: target.name,
    containers,
    follow: d.follow,
    timestamps: d.timestamps,
    tailLines: d.tailLines,
    sinceSeconds: d.sinceSeconds,
    previous,
  };
}

function activeLogUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri && arg.scheme === LOG_SCHEME) return arg;
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri?.scheme === LOG_SCHEME ? uri : undefined;
}

const showLogs: CommandFactory = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Show Logs');
  if (r) await ctx.logViews.show(r.api, specFor(r.target, [r.container.name], currentLogDefaults(), false));
};

const showPreviousLogs: CommandFactory = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Show Previous Logs', (c) => c.hasPrevious, 'no container has restarted or terminated, so there is no previous log');
  if (!r) return;
  if (!r.container.hasPrevious) {
    void vscode.window.showWarningMessage(`Podscope: container "${r.container.name}" has not restarted; the API server may have no previous log.`);
  }
  await ctx.logViews.show(r.api, specFor(r.target, [r.container.name], { ...currentLogDefaults(), follow: false }, true));
};

const showAllContainerLogs: CommandFactory = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Show Logs of All Containers');
  if (!r) return;
  const names = containerChoices(r.target.pod).map((c) => c.name);
  await ctx.logViews.show(r.api, specFor(r.target, names, currentLogDefaults(), false));
};

const showLogsWithOptions: CommandFactory = (ctx) => async (arg) => {
  const pod = await resolvePod(arg, ctx.deps, 'Show Logs');
  if (!pod) return;
  const all = containerChoices(pod.target.pod);
  let chosen = all.filter((c) => c.name === (arg as { container?: string } | undefined)?.container);
  if (chosen.length === 0 && all.length === 1) chosen = all;
  if (chosen.length === 0) {
    const ALL = '$(list-flat) All containers';
    const picked = await vscode.window.showQuickPick(
      [{ label: ALL, description: 'interleaved by time, each line prefixed with its container' }, ...all.map((c) => ({ label: c.name, description: `${c.kind} · ${c.state}` }))],
      { title: `Show Logs: container of ${pod.target.name}` },
    );
    if (!picked) return;
    chosen = picked.label === ALL ? all : all.filter((c) => c.name === picked.label);
  }
  const answers = await askLogOptions(currentLogDefaults(), chosen.some((c) => c.hasPrevious), `Logs of ${pod.target.name}`);
  if (!answers) return;
  const containers = (answers.previous ? chosen.filter((c) => c.hasPrevious) : chosen).map((c) => c.name);
  await ctx.logViews.show(pod.api, specFor(pod.target, containers, answers, answers.previous));
};

const stopLogs: CommandFactory = (ctx) => (arg) => {
  const uri = activeLogUri(arg);
  if (uri) ctx.logViews.stop(uri);
};

const restartLogs: CommandFactory = (ctx) => (arg) => {
  const uri = activeLogUri(arg);
  if (uri) ctx.logViews.restart(uri);
};

const saveLogs: CommandFactory = (ctx) => async (arg) => {
  const uri = activeLogUri(arg);
  const text = uri && ctx.logViews.text(uri);
  if (!uri || text === undefined) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), uri.path.split('/').pop() ?? 'pod.log'),
    filters: { Logs: ['log', 'txt'] },
  });
  if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
};

const openShellCommand: CommandFactory = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Open Shell', (c) => c.state === 'Running', 'no container is running');
  if (r) await openShell(r, settings().get<string>('shell'));
};

const describe: CommandFactory = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Describe');
  if (!r) return;
  const { api, target } = r;
  const uri = podDocumentUri(DESCRIBE_SCHEME, target.contextName, target.namespace, target.name, '.describe.txt');
  try {
    await ctx.documents.show(uri, async () => {
      const [pod, events] = await Promise.all([api.readPod(target.namespace, target.name), api.listPodEvents(target.namespace, target.name)]);
      return describePod(pod, events.items.filter((e) => !e.involvedObject.uid || e.involvedObject.uid === pod.metadata?.uid));
    });
  } catch (err) {
    fail(err, `describing pod "${target.name}"`);
  }
};

const viewYaml: CommandFactory = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'View YAML');
  if (!r) return;
  const { api, target } = r;
  const uri = podDocumentUri(YAML_SCHEME, target.contextName, target.namespace, target.name, '.yaml');
  try {
    await ctx.documents.show(uri, () => fetchPodYaml(api.kubeConfig, target.namespace, target.name), 'yaml');
  } catch (err) {
    fail(err, `reading pod "${target.name}"`);
  }
};

const refreshDocument: CommandFactory = (ctx) => async (arg) => {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return;
  try {
    await ctx.documents.refresh(uri);
  } catch (err) {
    fail(err, 'refreshing');
  }
};

const deleteCommand: CommandFactory = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Delete Pod');
  if (!r) return;
  const { api, target } = r;
  const choice = await vscode.window.showQuickPick(
    deleteChoices(target.pod).map((c) => ({ label: c.label, detail: c.detail, mode: c.mode })),
    { title: `Delete pod ${target.namespace}/${target.name}` },
  );
  if (!choice) return;
  let mode: DeleteMode;
  if (choice.mode === 'askGrace') {
    const text = await vscode.window.showInputBox({ title: 'Grace period in seconds', value: '0', validateInput: graceInputError });
    if (text === undefined) return;
    mode = { kind: 'grace', seconds: Number(text.trim()) };
  } else {
    mode = choice.mode;
  }
  const confirm = await vscode.window.showWarningMessage(confirmationMessage(target.namespace, target.name, mode), { modal: true }, 'Delete');
  if (confirm !== 'Delete') return;
  try {
    await deletePod(api, target.namespace, target.name, mode);
    void vscode.window.showInformationMessage(`Podscope: pod "${target.name}" deleted.`);
  } catch (err) {
    fail(err, `deleting pod "${target.name}"`);
  }
};

const copyName: CommandFactory = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Copy Name');
  if (!r) return;
  await vscode.env.clipboard.writeText(podNameText(r.target));
  vscode.window.setStatusBarMessage(`Copied "${r.target.name}"`, 3000);
};

const portForward: CommandFactory = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Port Forward');
  if (!r) return;
  const { api, target } = r;
  const OTHER = '$(edit) Another port…';
  const ports = declaredPorts(target.pod);
  const picked = ports.length === 0 ? { label: OTHER } : await vscode.window.showQuickPick(
    [...ports.map((p) => ({ label: String(p.port), description: [p.name, p.container].filter(Boolean).join(' · ') })), { label: OTHER }],
    { title: `Port forward: port of ${target.name}` },
  );
  if (!picked) return;
  const portError = (t: string) => (/^\d{1,5}$/.test(t.trim()) && Number(t) <= 65535 ? undefined : 'Enter a port number (0-65535)');
  const remoteText = picked.label === OTHER
    ? await vscode.window.showInputBox({ title: `Port in ${target.name}`, validateInput: (t) => portError(t) ?? (Number(t) === 0 ? 'The pod port cannot be 0' : undefined) })
    : picked.label;
  if (!remoteText) return;
  const remotePort = Number(remoteText);
  const localText = await vscode.window.showInputBox({
    title: 'Local port on 127.0.0.1 (0 = any free port)', value: String(remotePort >= 1024 ? remotePort : 0), validateInput: portError,
  });
  if (localText === undefined) return;
  try {
    const session = await PortForwardSession.start(
      api.kubeConfig,
      { contextName: target.contextName, namespace: target.namespace, pod: target.name, remotePort, localPort: Number(localText) },
      { error: (message) => void vscode.window.showErrorMessage(`Podscope: port forward to ${target.name}:${remotePort}: ${message}`) },
    );
    ctx.forwards.add(session);
    const action = await vscode.window.showInformationMessage(`Podscope: forwarding ${session.label}`, 'Copy Address', 'Stop');
    if (action === 'Copy Address') await vscode.env.clipboard.writeText(`127.0.0.1:${session.localPort}`);
    if (action === 'Stop') await ctx.forwards.stop(session.id);
  } catch (err) {
    fail(err, 'starting the port forward');
  }
};

const listPortForwards: CommandFactory = (ctx) => async () => {
  const sessions = ctx.forwards.list();
  if (sessions.length === 0) {
    void vscode.window.showInformationMessage('Podscope: no port forward is running.');
    return;
  }
  const STOP_ALL = '$(debug-stop) Stop all';
  const picked = await vscode.window.showQuickPick(
    [...sessions.map((s) => ({ label: s.label, description: `${s.connectionCount} connection(s) · ${s.spec.contextName}`, id: s.id })), { label: STOP_ALL, id: '' }],
    { title: 'Port forwards: pick one to stop' },
  );
  if (!picked) return;
  if (picked.label === STOP_ALL) await ctx.forwards.stopAll();
  else await ctx.forwards.stop(picked.id);
};

const validateOnCluster: CommandFactory = (ctx) => async () => {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showErrorMessage('Podscope: open a manifest to validate against the cluster.');
    return;
  }
  const scope = ctx.deps.activeScope();
  const api = scope && ctx.deps.apiFor(scope.contextName);
  if (!scope || !api) {
    void vscode.window.showErrorMessage('Podscope: no Kubernetes context is selected. Choose one in the Pods view first.');
    return;
  }
  const document = editor.document;
  try {
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Podscope: dry run on ${scope.contextName}…` },
      () => dryRunManifest(document.getText(), clusterDryRunTransport(api.kubeConfig), scope.namespace ?? 'default'),
    );
    ctx.clusterDiagnostics.set(document, results);
    const summary = dryRunSummary(results);
    const show = summary.ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(`Podscope (${scope.contextName}): ${summary.text}.`);
  } catch (err) {
    fail(err, 'the server-side dry run');
  }
};

/** Every command of the pod actions, by id: what registerPodActions registers and package.json declares. */
export const podActionCommands: Record<string, CommandFactory> = {
  [POD_ACTION_COMMANDS.showLogs]: showLogs,
  [POD_ACTION_COMMANDS.showLogsWithOptions]: showLogsWithOptions,
  [POD_ACTION_COMMANDS.showAllContainerLogs]: showAllContainerLogs,
  [POD_ACTION_COMMANDS.showPreviousLogs]: showPreviousLogs,
  [POD_ACTION_COMMANDS.stopLogs]: stopLogs,
  [POD_ACTION_COMMANDS.restartLogs]: restartLogs,
  [POD_ACTION_COMMANDS.saveLogs]: saveLogs,
  [POD_ACTION_COMMANDS.openShell]: openShellCommand,
  [POD_ACTION_COMMANDS.describe]: describe,
  [POD_ACTION_COMMANDS.viewYaml]: viewYaml,
  [POD_ACTION_COMMANDS.refreshDocument]: refreshDocument,
  [POD_ACTION_COMMANDS.delete]: deleteCommand,
  [POD_ACTION_COMMANDS.copyName]: copyName,
  [POD_ACTION_COMMANDS.portForward]: portForward,
  [POD_ACTION_COMMANDS.listPortForwards]: listPortForwards,
  [POD_ACTION_COMMANDS.validateOnCluster]: validateOnCluster,
};
