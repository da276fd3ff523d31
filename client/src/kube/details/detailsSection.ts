// The seam for more sections in a pod's details document (resource usage from metrics, for one): a section is a title
// and lines drawn from the pod, plus an event saying when it has news. The document draws registered sections after
// the conditions and redraws when one of them changes; nothing else needs to know about them.
import type { PodTarget } from '../pod/targets';

export interface DetailsSection {
  readonly title: string;
  /** The section's lines for this pod (drawn indented under the title), or undefined to leave it out. */
  lines(target: PodTarget, nowMs: number): string[] | undefined;
  /** Fires when the section has news: for one pod of a context, or for every pod (no argument). */
  onDidChange?(listener: (changed?: { contextName: string; namespace: string; name: string }) => void): { dispose(): void };
}
