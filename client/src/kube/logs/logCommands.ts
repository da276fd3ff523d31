// The log commands: show (one container, with options, all containers, previous instance), stop, restart, save.
import * as vscode from 'vscode';
import { warn } from '../../notify';
import { containerChoices } from '../pod/containers';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolveContainer, resolvePod } from '../pod/targetPicker';
import type { PodTarget } from '../pod/targets';
import type { LogDefaults } from './logDefaults';
import { LOG_LEVELS } from './logLevel';
import { askLogOptions } from './logPrompts';
import type { LogSpec } from './logSession';
import { LOG_SCHEME, type LogViews } from './logView';

export interface LogCommandContext {
  deps: PodActionDeps;
  logViews: LogViews;
  config: { readonly logDefaults: LogDefaults };
}

export const STOP_LOGS = 'podscope.logs.stop';
export const RESTART_LOGS = 'podscope.logs.restart';

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

const showLogs: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Show Logs');
  if (r) await ctx.logViews.show(r.api, specFor(r.target, [r.container.name], ctx.config.logDefaults, false));
};

const showPreviousLogs: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Show Previous Logs', (c) => c.hasPrevious, 'no container has restarted or terminated, so there is no previous log');
  if (!r) return;
  if (!r.container.hasPrevious) {
    warn(`container "${r.container.name}" has not restarted; the API server may have no previous log.`);
  }
  await ctx.logViews.show(r.api, specFor(r.target, [r.container.name], { ...ctx.config.logDefaults, follow: false }, true));
};

const showAllContainerLogs: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Show Logs of All Containers');
  if (!r) return;
  const names = containerChoices(r.target.pod).map((c) => c.name);
  await ctx.logViews.show(r.api, specFor(r.target, names, ctx.config.logDefaults, false));
};

const showLogsWithOptions: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
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
  const answers = await askLogOptions(ctx.config.logDefaults, chosen.some((c) => c.hasPrevious), `Logs of ${pod.target.name}`);
  if (!answers) return;
  const containers = (answers.previous ? chosen.filter((c) => c.hasPrevious) : chosen).map((c) => c.name);
  await ctx.logViews.show(pod.api, specFor(pod.target, containers, answers, answers.previous));
};

const stopLogs: CommandFactory<LogCommandContext> = (ctx) => (arg) => {
  const uri = activeLogUri(arg);
  if (uri) ctx.logViews.stop(uri);
};

const restartLogs: CommandFactory<LogCommandContext> = (ctx) => (arg) => {
  const uri = activeLogUri(arg);
  if (uri) ctx.logViews.restart(uri);
};

const toggleJson: CommandFactory<LogCommandContext> = (ctx) => (arg) => {
  const uri = activeLogUri(arg);
  const session = ctx.logViews.sessionOf(uri);
  if (!uri || !session) return;
  const now = session.presentation;
  ctx.logViews.represent(uri, { ...now, json: now.json === 'pretty' ? 'raw' : 'pretty' });
};

const filterLevel: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
  const uri = activeLogUri(arg);
  const session = ctx.logViews.sessionOf(uri);
  if (!uri || !session) return;
  const current = session.presentation.minLevel;
  const choices = [
    { label: 'All lines', level: undefined },
    ...LOG_LEVELS.map((level, i) => ({ label: LOG_LEVELS.slice(0, i + 1).map((l) => l.toUpperCase()).join(' + '), level })),
  ].map((c) => ({ ...c, description: c.level === current ? 'current' : undefined }));
  const picked = await vscode.window.showQuickPick(choices, { title: `Filter the log of ${session.title} by level` });
  if (picked) ctx.logViews.represent(uri, { ...session.presentation, minLevel: picked.level });
};

const saveLogs: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
  const uri = activeLogUri(arg);
  const text = uri && ctx.logViews.text(uri);
  if (!uri || text === undefined) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), uri.path.split('/').pop() ?? 'pod.log'),
    filters: { Logs: ['log', 'txt'] },
  });
  if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
};

export const logCommands = {
  'podscope.logs.show': showLogs,
  'podscope.logs.showWithOptions': showLogsWithOptions,
  'podscope.logs.showAllContainers': showAllContainerLogs,
  'podscope.logs.showPrevious': showPreviousLogs,
  [STOP_LOGS]: stopLogs,
  [RESTART_LOGS]: restartLogs,
  'podscope.logs.toggleJson': toggleJson,
  'podscope.logs.filterLevel': filterLevel,
  'podscope.logs.save': saveLogs,
};
