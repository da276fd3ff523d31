// How an event looks: a row of the Events view (kubectl get events' LAST SEEN, TYPE, REASON, OBJECT, COUNT) and the
// warnings section of a pod's tooltip. Plain data and Markdown strings, so tests need no VS Code.
import type { CoreV1Event } from '@kubernetes/client-node';
import type { IconSpec } from '../tree/icons';
import { md } from '../tree/podTooltip';
import { countOf, isWarning, lastSeenColumn } from './podEvents';

export interface EventRow {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: IconSpec;
}

/** kubectl's OBJECT column: kind/name, lower-case kind as kubectl prints it. */
export function objectColumn(e: CoreV1Event): string {
  const o = e.involvedObject;
  return `${(o?.kind ?? '').toLowerCase()}/${o?.name ?? ''}`;
}

export function presentEvent(e: CoreV1Event, nowMs: number, withNamespace: boolean): EventRow {
  const count = countOf(e);
  const object = `${withNamespace ? `${e.metadata?.namespace ?? ''} ` : ''}${objectColumn(e)}`;
  return {
    id: JSON.stringify(['event', e.metadata?.namespace ?? '', e.metadata?.name ?? '']),
    label: e.reason || '(no reason)',
    description: [object, count > 1 ? `×${count}` : undefined, lastSeenColumn(e, nowMs)].filter(Boolean).join(' · '),
    tooltip: eventTooltip(e, nowMs),
    icon: isWarning(e) ? { id: 'warning', color: 'charts.yellow' } : { id: 'info' },
  };
}

function eventTooltip(e: CoreV1Event, nowMs: number): string {
  const source = e.reportingComponent || e.source?.component;
  const facts = [
    ['Type', e.type],
    ['Object', `${e.metadata?.namespace ?? ''}/${objectColumn(e)}`],
    ['Count', String(countOf(e))],
    ['Last seen', lastSeenColumn(e, nowMs)],
    ['From', source],
  ].filter(([, v]) => v) as [string, string][];
  return [`**${md(e.reason ?? '')}**`, '', facts.map(([k, v]) => `${k}: ${md(v)}`).join(' · '), '', md(e.message ?? '')].join('\n');
}
