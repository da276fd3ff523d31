// The port-forward commands: to a pod (tree or palette), to a pod's owner workload (tree), to a Service or a workload
// (palette), and the list of running forwards with where each sends new connections now. The flows (quick picks) are
// here; the forwarding is in portForwardSession.ts and the choice of pod in forwardTarget.ts.
import * as vscode from 'vscode';
import { inform, reportFailure, reportProblem } from '../../notify';
import type { ClusterApi } from '../cluster/clusterApi';
import { listServices, serviceSelector, type ServiceLike } from '../cluster/services';
import { listWorkloads, workloadName, type Workload, type WorkloadKind } from '../cluster/workloads';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolveOwner } from '../pod/ownerPicker';
import { resolvePod } from '../pod/targetPicker';
import { declaredPorts, resolvePort, type PodPorts, type RemotePort } from './forwardPorts';
import { PodTarget, switchHistory, targetStatus, type ForwardTarget } from './forwardTarget';
import { PortForwardSession, type PortForwardRegistry } from './portForwardSession';
import { FORWARD_KINDS, isForwardKind, serviceTarget, workloadTarget } from './selectorTargets';

export interface PortForwardContext {
  deps: PodActionDeps;
  forwards: PortForwardRegistry;
  config: { readonly forwardAddress: string };
}

const OTHER = '$(edit) Another port…';
const portError = (t: string) => (/^\d{1,5}$/.test(t.trim()) && Number(t) <= 65535 ? undefined : 'Enter a port number (0-65535)');

/** A port of the pod or template: declared ones (a named one stays a name, resolved on each pod), or typed. */
async function pickPodPort(pod: PodPorts, what: string): Promise<RemotePort | undefined> {
  const ports = declaredPorts(pod);
  const picked = ports.length === 0 ? { label: OTHER, name: undefined } : await vscode.window.showQuickPick(
    [...ports.map((p) => ({ label: String(p.port), description: [p.name, p.container].filter(Boolean).join(' · '), name: p.name })), { label: OTHER, name: undefined }],
    { title: `Port forward: port of ${what}` },
  );
  if (!picked) return undefined;
  if (picked.label !== OTHER) return picked.name ? { kind: 'named', name: picked.name } : { kind: 'number', port: Number(picked.label) };
  const text = await vscode.window.showInputBox({ title: `Port in ${what}`, validateInput: (t) => portError(t) ?? (Number(t) === 0 ? 'The pod port cannot be 0' : undefined) });
  return text ? { kind: 'number', port: Number(text) } : undefined;
}

async function pickServicePort(service: ServiceLike): Promise<number | undefined> {
  const ports = (service.spec?.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP');
  if (ports.length === 0) {
    reportProblem(`service "${service.metadata.name}" has no TCP port to forward.`);
    return undefined;
  }
  if (ports.length === 1) return ports[0].port;
  const picked = await vscode.window.showQuickPick(
    ports.map((p) => ({ label: String(p.port), description: [p.name, `→ ${p.targetPort ?? p.port}`].filter(Boolean).join(' · '), port: p.port })),
    { title: `Port forward: port of service/${service.metadata.name}` },
  );
  return picked?.port;
}

/** Asks for the local port, starts the forward, registers it and says where it listens. */
async function startForward(ctx: PortForwardContext, api: ClusterApi, namespace: string, makeTarget: () => ForwardTarget, suggested: number): Promise<void> {
  const address = ctx.config.forwardAddress;
  const localText = await vscode.window.showInputBox({
    title: `Local port on ${address} (0 = any free port)`, value: String(suggested >= 1024 ? suggested : 0), validateInput: portError,
  });
  if (localText === undefined) return;
  let target: ForwardTarget | undefined;
  try {
    target = makeTarget();
    const name = target.name;
    const session = await PortForwardSession.start(
      api,
      { contextName: api.contextName, namespace, target, localPort: Number(localText), address },
      { error: (message) => reportFailure(`port forward to ${name}`, new Error(message)) },
    );
    ctx.forwards.add(session);
    const action = await inform(`forwarding ${session.label}`, 'Copy Address', 'Stop');
    if (action === 'Copy Address') await vscode.env.clipboard.writeText(`${session.address}:${session.localPort}`);
    if (action === 'Stop') await ctx.forwards.stop(session.id);
  } catch (err) {
    target?.stop();
    reportFailure('starting the port forward', err);
  }
}

const portForwardPod: CommandFactory<PortForwardContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Port Forward');
  if (!r) return;
  const { api, target } = r;
  const remote = await pickPodPort(target.pod, target.name);
  if (!remote) return;
  const port = resolvePort(remote, target.pod);
  await startForward(ctx, api, target.namespace, () => new PodTarget(target.name, port), port);
};

async function forwardToWorkload(ctx: PortForwardContext, api: ClusterApi, workload: Workload): Promise<void> {
  if (!isForwardKind(workload.kind)) {
    reportProblem(`${workloadName(workload)} runs its pods to completion; forward to a Service, Deployment, StatefulSet, ReplicaSet or DaemonSet instead.`);
    return;
  }
  const remote = await pickPodPort(workload.spec?.template ?? {}, workloadName(workload));
  if (!remote) return;
  const suggested = resolvePort(remote, workload.spec?.template ?? {});
  await startForward(ctx, api, workload.metadata.namespace, () => workloadTarget(api, workload, remote), suggested);
}

const portForwardOwner: CommandFactory<PortForwardContext> = (ctx) => async (arg) => {
  const r = await resolveOwner(arg, ctx.deps, 'Port Forward to Owner Workload');
  if (r) await forwardToWorkload(ctx, r.api, r.owner);
};

/** The tree's context and namespace, or a message when there is none (palette commands need one). */
function scopeOf(ctx: PortForwardContext, what: string): { api: ClusterApi; namespace: string } | undefined {
  const scope = ctx.deps.activeScope();
  const api = scope && ctx.deps.apiFor(scope.contextName);
  if (!scope || !api) {
    reportProblem('no Kubernetes context is selected. Choose one in the Pods view first.');
    return undefined;
  }
  if (scope.namespace === undefined) {
    reportProblem(`${what} works in one namespace: choose a namespace in the Pods view first.`);
    return undefined;
  }
  return { api, namespace: scope.namespace };
}

const portForwardService: CommandFactory<PortForwardContext> = (ctx) => async () => {
  const scope = scopeOf(ctx, 'Port Forward to Service');
  if (!scope) return;
  let services: ServiceLike[];
  try {
    services = await listServices(scope.api, scope.namespace);
  } catch (err) {
    reportFailure('listing services', err);
    return;
  }
  if (services.length === 0) {
    void inform(`no Service in namespace "${scope.namespace}".`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    services.map((s) => ({ label: s.metadata.name, description: (s.spec?.ports ?? []).map((p) => String(p.port)).join(', '), s })),
    { title: `Port forward to a Service in namespace "${scope.namespace}"` },
  );
  if (!picked) return;
  try {
    serviceSelector(picked.s);
  } catch (err) {
    reportFailure(`forwarding to service "${picked.s.metadata.name}"`, err);
    return;
  }
  const port = await pickServicePort(picked.s);
  if (port === undefined) return;
  await startForward(ctx, scope.api, scope.namespace, () => serviceTarget(scope.api, picked.s, port), port);
};

const portForwardWorkload: CommandFactory<PortForwardContext> = (ctx) => async () => {
  const scope = scopeOf(ctx, 'Port Forward to Workload');
  if (!scope) return;
  const kind = await vscode.window.showQuickPick([...FORWARD_KINDS], { title: 'Port forward to a workload: kind' });
  if (!kind) return;
  let workloads: Workload[];
  try {
    workloads = await listWorkloads(scope.api, kind as WorkloadKind, scope.namespace);
  } catch (err) {
    reportFailure(`listing ${kind}s`, err);
    return;
  }
  if (workloads.length === 0) {
    void inform(`no ${kind} in namespace "${scope.namespace}".`);
    return;
  }
  const picked = await vscode.window.showQuickPick(workloads.map((w) => ({ label: w.metadata.name, w })), { title: `Port forward to a ${kind}` });
  if (picked) await forwardToWorkload(ctx, scope.api, picked.w);
};

const listPortForwards: CommandFactory<PortForwardContext> = (ctx) => async () => {
  const sessions = ctx.forwards.list();
  if (sessions.length === 0) {
    void inform('no port forward is running.');
    return;
  }
  const STOP_ALL = '$(debug-stop) Stop all';
  const picked = await vscode.window.showQuickPick(
    [
      ...sessions.map((s) => ({
        label: s.label,
        description: `${targetStatus(s.target)} · ${s.connectionCount} connection(s) · ${s.spec.contextName}`,
        detail: s.target.switches.length > 0 ? `switches: ${switchHistory(s.target.switches)}` : undefined,
        id: s.id,
      })),
      { label: STOP_ALL, id: '' },
    ],
    { title: 'Port forwards: pick one to stop' },
  );
  if (!picked) return;
  if (picked.label === STOP_ALL) await ctx.forwards.stopAll();
  else await ctx.forwards.stop(picked.id);
};

export const portForwardCommands = {
  'podscope.pod.portForward': portForwardPod,
  'podscope.pod.portForwardOwner': portForwardOwner,
  'podscope.portForward.service': portForwardService,
  'podscope.portForward.workload': portForwardWorkload,
  'podscope.portForward.list': listPortForwards,
};
