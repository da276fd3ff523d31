// Usage as the tree prints it: kubectl top's figures (millicores, MiB) and, where the spec sets them, the share of the
// request and the limit: "cpu 12m (24% req, 6% lim) · mem 30Mi (60% req)".
import type { V1Pod } from '@kubernetes/client-node';
import type { PodUsage, Usage } from './podUsage';
import { cpuMillis, memoryMiB, ratio, type Fraction } from './quantity';
import { containerBounds, podBounds, type Bounds, type ResourceName } from './resourceShare';

/**
 * The figure as printed, as a quantity: 12m is 0.012 cores, 30Mi is 31457280 bytes. Shares are taken of this, so the
 * figures on screen agree with each other: 13m of a 50m request reads 26%, also when the exact usage is 12.0004m
 * (which kubectl top prints as 13m too).
 */
function shown(r: ResourceName, q: Fraction): Fraction {
  return r === 'cpu' ? { num: BigInt(cpuMillis(q)), den: 1000n } : { num: BigInt(memoryMiB(q)) * 1048576n, den: 1n };
}

function text(r: ResourceName, q: Fraction): string {
  return r === 'cpu' ? `${cpuMillis(q)}m` : `${memoryMiB(q)}Mi`;
}

/** The share in whole percent, rounded to the nearest. */
export function percentOf(usage: Fraction, of: Fraction): number {
  return Math.round(ratio(usage, of) * 100);
}

function part(r: ResourceName, q: Fraction, bounds: Bounds): string {
  const figure = shown(r, q);
  const shares = [
    bounds.request ? `${percentOf(figure, bounds.request)}% req` : undefined,
    bounds.limit ? `${percentOf(figure, bounds.limit)}% lim` : undefined,
  ].filter(Boolean);
  return `${r === 'cpu' ? 'cpu' : 'mem'} ${text(r, q)}${shares.length > 0 ? ` (${shares.join(', ')})` : ''}`;
}

function line(usage: Usage, bounds: (r: ResourceName) => Bounds): string {
  return `${part('cpu', usage.cpu, bounds('cpu'))} · ${part('memory', usage.memory, bounds('memory'))}`;
}

/** The pod's sum with its shares, for the tooltip. */
export function podUsageText(pod: V1Pod, usage: PodUsage): string {
  return line(usage.total, (r) => podBounds(pod, usage.containers.keys(), r));
}

/** The pod's sum without shares: short enough for the pod row beside kubectl's columns. */
export function podUsageShort(usage: PodUsage): string {
  return `cpu ${text('cpu', usage.total.cpu)} · mem ${text('memory', usage.total.memory)}`;
}

export function containerUsageText(pod: V1Pod, container: string, usage: Usage): string {
  return line(usage, (r) => containerBounds(pod, container, r));
}
