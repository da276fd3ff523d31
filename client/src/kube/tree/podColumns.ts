// What a pod row's description shows after its STATUS: kubectl's READY, RESTARTS and AGE, and -o wide's NODE and IP
// (plus QoS), chosen by the `podscope.explorer.podDescription` setting, so the columns kubectl users look for are
// visible without hovering. Warnings (⚠ n) always follow the status: they are why one looks at a pod.
import type { V1Pod } from '@kubernetes/client-node';
import { ageColumn, humanDuration, readyColumn, type PodStatusSummary } from '../pod/podStatus';

export const POD_COLUMNS = ['ready', 'restarts', 'age', 'node', 'ip', 'qos'] as const;
export type PodColumn = (typeof POD_COLUMNS)[number];

/** Short enough for a default sidebar to show most of it; node and IP are what -o wide is typed for. */
export const DEFAULT_POD_COLUMNS: readonly PodColumn[] = ['ready', 'restarts', 'age', 'node', 'ip'];

/** The setting's value, unknown entries dropped, in the setting's order. */
export function podColumns(value: unknown): PodColumn[] {
  if (!Array.isArray(value)) return [...DEFAULT_POD_COLUMNS];
  return value.filter((v): v is PodColumn => (POD_COLUMNS as readonly string[]).includes(v as string));
}

export function podDescription(pod: V1Pod, s: PodStatusSummary, warnings: number, columns: readonly PodColumn[], nowMs: number): string {
  const parts = [s.status || 'Unknown', warnings > 0 ? `⚠ ${warnings}` : undefined];
  for (const c of columns) parts.push(column(c, pod, s, nowMs));
  return parts.filter(Boolean).join(' · ');
}

function column(c: PodColumn, pod: V1Pod, s: PodStatusSummary, nowMs: number): string | undefined {
  switch (c) {
    case 'ready': return readyColumn(s);
    case 'restarts':
      if (s.restarts === 0) return undefined;
      return `${s.restarts} ${s.restarts === 1 ? 'restart' : 'restarts'}${s.lastRestartMs === undefined ? '' : ` (${humanDuration(nowMs - s.lastRestartMs)} ago)`}`;
    case 'age': return ageColumn(s, nowMs);
    case 'node': return pod.spec?.nodeName;
    case 'ip': return pod.status?.podIP;
    case 'qos': return pod.status?.qosClass;
  }
}
