// Which failures of a PodMetrics list mean "this cluster has no metrics for you" (said once, quietly) rather than a
// passing fault (kept quiet, the last figures stay until the next refresh succeeds). Keyed on the status code the
// API server answers with, never on its text.

/** Why metrics are unavailable, worded for the view's message; undefined for a passing fault. */
export function metricsUnavailableReason(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 404: return 'the metrics API (metrics.k8s.io) is not installed';
    case 503: return 'the metrics API (metrics.k8s.io) is not available';
    case 403: return 'not allowed to read pod metrics (metrics.k8s.io)';
    default: return undefined;
  }
}

/** The view's line for the contexts without metrics, by context name; undefined when all have them. */
export function unavailableMessage(unavailable: ReadonlyMap<string, string>): string | undefined {
  if (unavailable.size === 0) return undefined;
  return [...unavailable].map(([context, reason]) => `Metrics unavailable in "${context}": ${reason}`).join('\n');
}
