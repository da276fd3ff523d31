// A pod's details document as text: what the user checks first when a pod misbehaves — each container's state,
// readiness, restarts and last termination, the conditions, node, IPs, QoS class, age, owner, and the pod's events —
// aligned with kubectl describe's tab writer. Pure (the pod, its events and the time in; text out), so tests need no
// VS Code and the document redraws to the same text when nothing it shows changed.
import type { CoreV1Event, V1ContainerState, V1ContainerStateTerminated, V1Pod } from '@kubernetes/client-node';
import { formatTabbed } from '../actions/tabWriter';
import { countOf, lastSeenColumn } from '../events/podEvents';
import { podContainers, type PodContainer } from '../pod/containers';
import { humanDuration, summarizePod, timeAgo, toMs, type Timestamp } from '../pod/podStatus';
import type { PodTarget } from '../pod/targets';
import type { DetailsSection } from './detailsSection';

export interface PodDetailsInput {
  target: PodTarget;
  /** The first line's verdict on how current the text is: "live", "POD DELETED …". */
  liveness: string;
  events: readonly CoreV1Event[];
  /** Said instead of the event list when there is none to trust (loading, forbidden). */
  eventsNote?: string;
  sections?: readonly DetailsSection[];
  nowMs: number;
}

export function podDetailsHeader(contextName: string, namespace: string, name: string, liveness: string): string {
  return `Pod ${namespace}/${name} · context ${contextName} · ${liveness}`;
}

export function renderPodDetails(input: PodDetailsInput): string {
  const { target, nowMs } = input;
  const pod = target.pod;
  const meta = pod.metadata ?? {};
  const status = pod.status ?? {};
  const out: string[] = [podDetailsHeader(target.contextName, target.namespace, target.name, input.liveness), ''];
  out.push(`Status:\t${summarizePod(pod).status || 'Unknown'}${status.phase ? ` (phase ${status.phase})` : ''}`);
  if (status.reason || status.message) out.push(`Reason:\t${oneLine([status.reason, status.message].filter(Boolean).join(': '))}`);
  out.push(`Node:\t${pod.spec?.nodeName || '<none>'}`);
  out.push(`Pod IPs:\t${status.podIPs?.map((p) => p.ip).join(', ') || status.podIP || '<none>'}`);
  out.push(`Host IP:\t${status.hostIPs?.map((p) => p.ip).join(', ') || status.hostIP || '<none>'}`);
  out.push(`QoS Class:\t${status.qosClass || '<none>'}`);
  out.push(`Age:\t${age(meta.creationTimestamp, nowMs)}`);
  if (meta.deletionTimestamp) out.push(`Terminating:\tsince ${at(meta.deletionTimestamp, nowMs)}`);
  out.push(`Owner:\t${owners(pod)}`);
  const labels = Object.keys(meta.labels ?? {}).sort().map((k) => `${k}=${meta.labels![k]}`);
  labels.forEach((l, i) => out.push(i === 0 ? `Labels:\t${l}` : `\t${l}`));
  if (labels.length === 0) out.push('Labels:\t<none>');

  const containers = podContainers(pod);
  containerSection(out, 'Init Containers', containers.filter((c) => c.kind === 'init' || c.kind === 'sidecar'), nowMs);
  containerSection(out, 'Containers', containers.filter((c) => c.kind === 'app'), nowMs, true);
  containerSection(out, 'Ephemeral Containers', containers.filter((c) => c.kind === 'ephemeral'), nowMs);

  out.push('', 'Conditions:');
  const conditions = status.conditions ?? [];
  if (conditions.length === 0) out.push('  <none>');
  else {
    out.push('  Type\tStatus\tLast Transition\tReason');
    for (const c of conditions) {
      out.push(`  ${c.type}\t${c.status}\t${timeAgo(c.lastTransitionTime, nowMs, '<unknown>')}\t${oneLine([c.reason, c.message].filter(Boolean).join(': '))}`);
    }
  }

  for (const section of input.sections ?? []) {
    const lines = section.lines(target, nowMs);
    if (lines) out.push('', `${section.title}:`, ...lines.map((l) => `  ${l}`));
  }

  out.push('', 'Events (newest first):');
  if (input.eventsNote) out.push(`  ${input.eventsNote}`);
  else if (input.events.length === 0) out.push('  <none>');
  else {
    out.push('  Last Seen\tType\tReason\tCount\tFrom\tMessage');
    for (const e of input.events) {
      const from = e.reportingComponent || e.source?.component || '';
      out.push(`  ${lastSeenColumn(e, nowMs)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${countOf(e)}\t${from}\t${oneLine(e.message ?? '')}`);
    }
  }
  // An empty last cell (a condition without a reason) would leave padding at the end of its line.
  return `${formatTabbed(out.join('\n')).replace(/ +$/gm, '')}\n`;
}

/** Lists each container of one kind; the app containers' title shows even when empty (a pod always has some). */
function containerSection(out: string[], title: string, containers: PodContainer[], nowMs: number, always = false): void {
  if (containers.length === 0 && !always) return;
  out.push('', `${title}:${containers.length === 0 ? ' <none>' : ''}`);
  for (const c of containers) {
    const s = c.status;
    out.push(`  ${c.name}${c.kind === 'sidecar' ? ' (sidecar)' : ''}:`);
    out.push(`    Image:\t${c.spec.image || '<none>'}`);
    out.push(`    State:\t${s ? stateText(s.state, nowMs) : '<no status yet>'}`);
    // The kubelet never calls an ephemeral container ready: it has no probes.
    if (c.kind !== 'ephemeral') out.push(`    Ready:\t${s ? String(s.ready) : '<unknown>'}`);
    out.push(`    Restarts:\t${s?.restartCount ?? 0}`);
    const last = s?.lastState?.terminated;
    if (last) out.push(`    Last Termination:\t${terminatedText(last, nowMs)}`);
  }
}

export function stateText(state: V1ContainerState | undefined, nowMs: number): string {
  if (state?.running) return `Running since ${at(state.running.startedAt, nowMs)}`;
  if (state?.waiting) return `Waiting: ${oneLine([state.waiting.reason || 'no reason', state.waiting.message].filter(Boolean).join(' — '))}`;
  if (state?.terminated) return `Terminated: ${terminatedText(state.terminated, nowMs)}`;
  return '<no state>';
}

function terminatedText(t: V1ContainerStateTerminated, nowMs: number): string {
  const parts = [t.reason || 'no reason', `exit code ${t.exitCode ?? 0}`];
  if (t.signal) parts.push(`signal ${t.signal}`);
  if (toMs(t.finishedAt) !== undefined) parts.push(`finished ${at(t.finishedAt, nowMs)}`);
  const message = t.message ? ` — ${oneLine(t.message.length > 300 ? `${t.message.slice(0, 300)}…` : t.message)}` : '';
  return `${parts.join(', ')}${message}`;
}

/** The controller first (what kubectl calls Controlled By), then any other owners. */
function owners(pod: V1Pod): string {
  const refs = [...(pod.metadata?.ownerReferences ?? [])].sort((a, b) => Number(!!b.controller) - Number(!!a.controller));
  return refs.map((o) => `${o.kind}/${o.name}`).join(', ') || '<none>';
}

function age(t: Timestamp, nowMs: number): string {
  const ms = toMs(t);
  return ms === undefined ? '<unknown>' : `${humanDuration(nowMs - ms)} (created ${iso(ms)})`;
}

/** "2026-12-06T08:00:00Z (5m ago)": the absolute time stays put while the relative part moves. */
function at(t: Timestamp, nowMs: number): string {
  const ms = toMs(t);
  return ms === undefined ? '<unknown time>' : `${iso(ms)} (${humanDuration(nowMs - ms)} ago)`;
}


function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Text from the cluster on one line, tabs included (a tab would open a column). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
}
