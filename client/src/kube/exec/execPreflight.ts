// Says why an exec cannot work before trying it, from the pod the tree already holds: a clearer message than the API
// server's, and no round trip. The server still has the last word when the pod changed since (see refusedUpgrade).
import type { V1Pod } from '@kubernetes/client-node';
import { containerStatus } from '../pod/containers';

/** Why exec into `container` cannot work now, or undefined when it is running (or its state is unknown). */
export function execBlocker(pod: V1Pod, container: string): string | undefined {
  const name = pod.metadata?.name ?? '?';
  if (pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Running') return `pod "${name}" is terminating`;
  const status = containerStatus(pod, container);
  if (!status) {
    const phase = pod.status?.phase;
    return phase && phase !== 'Running' ? `container "${container}" is not running: pod "${name}" is ${phase}` : undefined;
  }
  const state = status.state;
  if (state?.running) return undefined;
  if (state?.waiting) {
    const why = [state.waiting.reason, state.waiting.message].filter(Boolean).join(': ');
    return `container "${container}" is not running (waiting${why ? `: ${why}` : ''})`;
  }
  if (state?.terminated) {
    const t = state.terminated;
    const why = t.reason ?? (t.exitCode !== undefined ? `exit code ${t.exitCode}` : '');
    return `container "${container}" is not running (terminated${why ? `: ${why}` : ''})`;
  }
  return undefined;
}
