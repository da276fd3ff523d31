// Suggests the field a misspelt key most likely meant: `contianers` -> `containers`,
// `imagePulPolicy` -> `imagePullPolicy`, `ContainerPort` -> `containerPort`.

export interface Suggestion {
  name: string;
  /** True when no other candidate is as close, so a quick fix can apply it without asking. */
  clear: boolean;
}

/** Longer than any Kubernetes field name by far: no suggestion, and no edit distance over a 100 KB key. */
export const MAX_SUGGESTED_KEY_LENGTH = 64;

export function didYouMean(key: string, candidates: readonly string[]): Suggestion | undefined {
  if (key.length > MAX_SUGGESTED_KEY_LENGTH) return undefined;
  const lower = key.toLowerCase();
  const sameCase = candidates.filter((c) => c.toLowerCase() === lower);
  if (sameCase.length) return { name: sameCase[0]!, clear: sameCase.length === 1 };
  // Short keys tolerate one edit, longer ones one edit per four characters, so `env` never suggests `tty`.
  const limit = Math.max(1, Math.floor(key.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  let ties = 0;
  for (const c of candidates) {
    // The distance is at least the difference in length: such candidates cannot win.
    if (Math.abs(c.length - key.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      ties = 0;
    } else if (d === bestDistance) {
      ties++;
    }
  }
  if (!best || bestDistance > limit) return undefined;
  return { name: best, clear: ties === 0 };
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
