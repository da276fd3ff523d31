// The workload log commands: "Show Logs of Owner Workload" on a pod (its controller chain, pod → ReplicaSet →
// Deployment, pod → Job → CronJob) and "Show Workload Logs…" from the palette (a kind, then a workload of the tree's
// namespace). Both open one view over every pod the workload's selector matches.
import * as vscode from 'vscode';
import { inform, reportFailure, reportProblem, titled } from '../../notify';
import type { ClusterApi } from '../cluster/clusterApi';
import { PodInformer } from '../cluster/informer';
import {
  latestJob, listWorkloads, selectorString, templateContainers, workloadName, WORKLOAD_KINDS,
  type Workload, type WorkloadKind,
} from '../cluster/workloads';
import type { CommandFactory } from '../pod/podActionDeps';
import { resolveOwner } from '../pod/ownerPicker';
import { clientNodeLogOpener } from './clientNodeLogOpener';
import type { LogCommandContext } from './logCommands';
import { LOG_SCHEME } from './logView';
import { WorkloadLogSession, type WorkloadLogSpec } from './workloadLogSession';

export function workloadLogUri(contextName: string, spec: WorkloadLogSpec): vscode.Uri {
  const which = spec.containers === undefined ? 'all-containers' : spec.containers.join('+');
  return vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${contextName}/${spec.namespace}/${spec.workload.replace('/', '.')}.${which}.log` });
}

/** The Job whose pods a CronJob's logs show: its latest; other kinds show their own pods. */
async function podsOwner(api: ClusterApi, w: Workload): Promise<{ shown: Workload; title: string } | undefined> {
  if (w.kind !== 'CronJob') return { shown: w, title: workloadName(w) };
  const job = await latestJob(api, w);
  if (!job) {
    void inform(`${workloadName(w)} has not created a Job yet, so there are no logs to show.`);
    return undefined;
  }
  return { shown: job, title: `${workloadName(w)} (${workloadName(job)})` };
}

async function showWorkloadLogs(ctx: LogCommandContext, api: ClusterApi, workload: Workload): Promise<void> {
  let owner: { shown: Workload; title: string } | undefined;
  let labelSelector: string;
  try {
    owner = await podsOwner(api, workload);
    if (!owner) return;
    labelSelector = selectorString(owner.shown.spec?.selector);
  } catch (err) {
    reportFailure(`reading the pods of ${workloadName(workload)}`, err);
    return;
  }
  const names = templateContainers(owner.shown);
  let containers: string[] | undefined;
  if (names.length > 1) {
    const ALL = '$(list-flat) All containers';
    const picked = await vscode.window.showQuickPick(
      [{ label: ALL, description: 'of every pod, interleaved by time' }, ...names.map((n) => ({ label: n, description: '' }))],
      { title: `Logs of ${owner.title}: containers`, canPickMany: false },
    );
    if (!picked) return;
    containers = picked.label === ALL ? undefined : [picked.label];
  }
  const d = ctx.config.logDefaults;
  const namespace = workload.metadata.namespace;
  const spec: WorkloadLogSpec = {
    namespace, workload: owner.title, labelSelector, containers,
    follow: d.follow, timestamps: d.timestamps, tailLines: d.tailLines, sinceSeconds: d.sinceSeconds, maxLogRequests: d.maxLogRequests,
  };
  await ctx.logViews.open(workloadLogUri(api.contextName, spec), api.contextName, (listener, options) => new WorkloadLogSession(
    spec,
    (l) => new PodInformer(api, { namespace, labelSelector }, l),
    (pod, container) => clientNodeLogOpener(api, { namespace, pod, container }),
    listener,
    options,
  ));
}

const showOwnerLogs: CommandFactory<LogCommandContext> = (ctx) => async (arg) => {
  const r = await resolveOwner(arg, ctx.deps, 'Show Logs of Owner Workload');
  if (r) await showWorkloadLogs(ctx, r.api, r.owner);
};

const showWorkloadPicked: CommandFactory<LogCommandContext> = (ctx) => async () => {
  const scope = ctx.deps.activeScope();
  const api = scope && ctx.deps.apiFor(scope.contextName);
  if (!scope || !api) {
    reportProblem('no Kubernetes context is selected. Choose one in the Pods view first.');
    return;
  }
  const kind = await vscode.window.showQuickPick([...WORKLOAD_KINDS], { title: 'Show Workload Logs: kind' });
  if (!kind) return;
  let workloads: Workload[];
  try {
    workloads = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: titled(`listing ${kind}s…`) },
      () => listWorkloads(api, kind as WorkloadKind, scope.namespace),
    );
  } catch (err) {
    reportFailure(`listing ${kind}s`, err);
    return;
  }
  const where = scope.namespace ? `namespace "${scope.namespace}"` : 'any namespace';
  if (workloads.length === 0) {
    void inform(`no ${kind} in ${where} of "${scope.contextName}".`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    workloads.map((w) => ({ label: w.metadata.name, description: scope.namespace ? '' : w.metadata.namespace, w })),
    { title: `Show Workload Logs: a ${kind} in ${where}`, matchOnDescription: true },
  );
  if (picked) await showWorkloadLogs(ctx, api, picked.w);
};

export const workloadLogCommands = {
  'podscope.logs.showOwner': showOwnerLogs,
  'podscope.logs.showWorkload': showWorkloadPicked,
};
