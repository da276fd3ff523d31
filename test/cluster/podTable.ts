// Reads `kubectl get pods -A` as a user sees it: the STATUS column is computed by kubectl itself,
// which makes it the reference for what each seeded pod must look like.
import type { Kubectl } from './kubectl';

export interface PodRow {
  namespace: string;
  name: string;
  ready: string;
  status: string;
  restarts: number;
  /** Value of the label asked for with `-L`, when one was. */
  label?: string;
}

/**
 * Parses the default table; RESTARTS may read "4 (3s ago)", so only its leading number is kept, and
 * a `-L` label column (always last) is read from the end.
 */
export function parsePodTable(text: string, withLabel = false): PodRow[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('NAMESPACE '))
    .map((l) => {
      const cells = l.split(/\s+/);
      const [namespace, name, ready, status, restarts] = cells;
      return { namespace, name, ready, status, restarts: Number(restarts), ...(withLabel ? { label: cells[cells.length - 1] } : {}) };
    });
}

export async function podTable(kubectl: Kubectl, opts: { selector?: string; labelColumn?: string } = {}): Promise<PodRow[]> {
  const args = ['get', 'pods', '-A', ...(opts.selector ? ['-l', opts.selector] : []), ...(opts.labelColumn ? ['-L', opts.labelColumn] : [])];
  return parsePodTable(await kubectl.ok(args), Boolean(opts.labelColumn));
}
