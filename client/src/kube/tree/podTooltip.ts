// Hover text for pods and containers, as Markdown: what `kubectl describe pod` would tell you first (conditions, node,
// IP, QoS, each container's state, exit code and last termination). Plain strings, so tests need no VS Code.
import type { CoreV1Event, V1ContainerState, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { countOf, lastSeenColumn } from '../events/podEvents';
import type { PodUsage, Usage } from '../metrics/podUsage';
import { containerUsageText, podUsageText } from '../metrics/usageText';
import { containerStatus, podContainers } from '../pod/containers';
import { humanDuration, timeAgo, toMs, type PodStatusSummary, type Timestamp } from '../pod/podStatus';
import type { ContainerKind } from '../pod/targets';

export function podTooltip(pod: V1Pod, summary: PodStatusSummary, nowMs: number, warnings: CoreV1Event[] = []): string {
  const meta = pod.metadata ?? {};
  const status = pod.status ?? {};
  const lines: string[] = [];
  lines.push(`**${md(meta.name ?? '')}** — ${code(summary.status || 'Unknown')}`, '');
  const facts = [
    ['Namespace', meta.namespace],
    ['Node', pod.spec?.nodeName],
    ['IP', status.podIPs?.map((p) => p.ip).join(', ') || status.podIP],
    ['QoS', status.qosClass],
    ['Phase', status.phase],
  ].filter(([, v]) => v) as [string, string][];
  lines.push(facts.map(([k, v]) => `${k}: ${code(v)}`).join(' · '), '');
  lines.push(`Created ${when(meta.creationTimestamp, nowMs)}`);
  if (meta.deletionTimestamp) lines.push(`Deletion requested ${when(meta.deletionTimestamp, nowMs)}`);
  if (status.reason || status.message) lines.push(`${md(status.reason ?? '')}${status.reason && status.message ? ': ' : ''}${md(status.message ?? '')}`);
  lines.push('');

  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    lines.push('| Condition | Status | Reason | Since |', '|---|---|---|---|');
    for (const c of conditions) {
      const reason = [c.reason, c.message].filter(Boolean).map((t) => md(t!)).join(': ');
      lines.push(`| ${md(c.type)} | ${md(c.status)} | ${reason} | ${timeAgo(c.lastTransitionTime, nowMs, '—')} |`);
    }
    lines.push('');
  }

  const rows = podContainers(pod).map(({ name, kind, status }) => `- ${containerLine(name, kind, status, nowMs)}`);
  if (rows.length > 0) lines.push('**Containers**', '', ...rows);
  lines.push(...warningLines(warnings, nowMs));
  return lines.join('\n');
}

/** One line per Warning event of the pod (reason, count, last seen, message), as `kubectl describe` lists them. */
function warningLines(warnings: CoreV1Event[], nowMs: number): string[] {
  if (warnings.length === 0) return [];
  const rows = warnings.map((e) => {
    const count = countOf(e);
    return `- ⚠ **${md(e.reason ?? '')}**${count > 1 ? ` ×${count}` : ''} (${lastSeenColumn(e, nowMs)}): ${md(e.message ?? '')}`;
  });
  return ['', `**Warning events** (${warnings.length})`, '', ...rows];
}

/** The pod's usage (metrics.k8s.io) and each container's, with shares of requests and limits; '' without metrics. */
export function podUsageTooltip(pod: V1Pod, usage: PodUsage | undefined): string {
  if (!usage) return '';
  const rows = [...usage.containers].map(([name, u]) => `- ${code(name)} — ${containerUsageText(pod, name, u)}`);
  return ['', '', `**Usage** — ${podUsageText(pod, usage)}`, '', ...rows].join('\n');
}

export function containerUsageTooltip(pod: V1Pod, container: string, usage: Usage | undefined): string {
  return usage ? `\n\nUsage: ${containerUsageText(pod, container, usage)}` : '';
}

export function containerTooltip(pod: V1Pod, name: string, kind: ContainerKind, nowMs: number): string {
  const status = containerStatus(pod, name, kind);
  const image = podContainers(pod).find((c) => c.name === name)?.spec.image;
  const lines = [containerLine(name, kind, status, nowMs)];
  if (image) lines.push('', `Image: ${code(image)}`);
  if (status?.imageID) lines.push(`Image ID: ${code(status.imageID)}`);
  return lines.join('\n');
}

/** One line: the state with its reason, exit code and signal, readiness, restarts and the last termination. */
export function containerLine(name: string, kind: ContainerKind, status: V1ContainerStatus | undefined, nowMs: number): string {
  const tag = kind === 'app' ? '' : ` *(${kind})*`;
  if (!status) return `${code(name)}${tag} — no status yet`;
  const parts = [stateText(status.state, nowMs)];
  parts.push(status.ready ? 'ready' : 'not ready');
  if (status.restartCount) parts.push(`restarts ${status.restartCount}`);
  const last = status.lastState?.terminated;
  if (last) parts.push(`last termination: ${terminationText(last, nowMs)}`);
  return `${code(name)}${tag} — ${parts.join(' · ')}`;
}

/** "Running since 5m", "Waiting: CrashLoopBackOff (back-off 5m0s ...)", "Terminated: Error, exit code 1 (3m ago)". */
export function stateText(state: V1ContainerState | undefined, nowMs: number): string {
  if (state?.running) return `Running, started ${timeAgo(state.running.startedAt, nowMs, '—')}`;
  if (state?.waiting) {
    const reason = state.waiting.reason ? `: ${md(state.waiting.reason)}` : '';
    const message = state.waiting.message ? ` (${md(state.waiting.message)})` : '';
    return `Waiting${reason}${message}`;
  }
  if (state?.terminated) return `Terminated: ${terminationText(state.terminated, nowMs)}`;
  return 'No state';
}

/** A short state for a container row's description: "Running", "CrashLoopBackOff", "Completed (0)", "Error (1)". */
export function shortState(status: V1ContainerStatus | undefined): string {
  const s = status?.state;
  if (!s) return 'no status';
  if (s.running) return status!.ready ? 'Running' : 'Running, not ready';
  if (s.waiting) return s.waiting.reason || 'Waiting';
  if (s.terminated) {
    const reason = s.terminated.reason || (s.terminated.signal ? `Signal:${s.terminated.signal}` : 'Terminated');
    return `${reason} (${s.terminated.exitCode ?? 0})`;
  }
  return 'no state';
}

function terminationText(t: NonNullable<V1ContainerState['terminated']>, nowMs: number): string {
  const parts = [md(t.reason || 'Terminated'), `exit code ${t.exitCode ?? 0}`];
  if (t.signal) parts.push(`signal ${t.signal}`);
  const finished = toMs(t.finishedAt as Timestamp);
  const message = t.message ? ` — ${md(t.message.length > 300 ? `${t.message.slice(0, 300)}…` : t.message)}` : '';
  return `${parts.join(', ')}${finished !== undefined ? ` (${timeAgo(t.finishedAt, nowMs, '—')})` : ''}${message}`;
}

function when(t: Timestamp, nowMs: number): string {
  const ms = toMs(t);
  return ms === undefined ? 'at an unknown time' : `${new Date(ms).toISOString()} (${humanDuration(nowMs - ms)} ago)`;
}


/** Escapes text from the cluster so it renders literally (a message can contain anything). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
