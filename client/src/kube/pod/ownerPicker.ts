// The owner workload of the pod a command acts on (Show Logs of Owner Workload, Port Forward to Owner Workload): the
// pod as targetPicker resolves it, then its controller chain read from the API server, with progress and one wording
// for a failed read and for a pod that no workload owns.
import * as vscode from 'vscode';
import { reportFailure, reportProblem, titled } from '../../notify';
import type { ClusterApi } from '../cluster/clusterApi';
import { ownerWorkload, type Workload } from '../cluster/workloads';
import type { PodActionDeps } from './podActionDeps';
import { resolvePod } from './targetPicker';

export async function resolveOwner(arg: unknown, deps: PodActionDeps, title: string): Promise<{ api: ClusterApi; owner: Workload } | undefined> {
  const r = await resolvePod(arg, deps, title);
  if (!r) return undefined;
  let owner: Workload | undefined;
  try {
    owner = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: titled(`finding the owner of ${r.target.name}…`) },
      () => ownerWorkload(r.api, r.target.namespace, r.target.pod.metadata),
    );
  } catch (err) {
    reportFailure(`finding the owner of pod "${r.target.name}"`, err);
    return undefined;
  }
  if (!owner) {
    reportProblem(`pod "${r.target.name}" has no owner workload (no controller ownerReference to a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob).`);
    return undefined;
  }
  return { api: r.api, owner };
}
