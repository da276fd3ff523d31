// Waits for the new debug container to run, as kubectl debug's waitForContainer does: a watch on the one pod, from the
// version the PATCH returned, until the container runs or terminates. Unlike kubectl it also stops at a waiting
// reason that will not pass by itself (the image cannot be pulled), so the user hears why instead of waiting forever.
import type { V1Pod } from '@kubernetes/client-node';
import type { ClusterApi, WatchHandle } from '../cluster/clusterApi';
import { debugState, type DebugState } from './debugContainer';

export type DebugWaitResult =
  | { kind: 'running' | 'terminated' | 'failed'; state: DebugState; pod: V1Pod }
  | { kind: 'podGone' }
  | { kind: 'cancelled' };

export interface DebugWaitOptions {
  /** The states that end the wait; default: running, terminated or failed (what starting a debugger waits for). */
  until?: readonly DebugState['kind'][];
  /** Every state seen, for the progress notification. */
  onState?(state: DebugState): void;
  signal?: AbortSignal;
}

export function waitForDebugContainer(
  api: Pick<ClusterApi, 'watchPods' | 'readPod'>, start: V1Pod, container: string, options: DebugWaitOptions = {},
): Promise<DebugWaitResult> {
  const namespace = start.metadata?.namespace ?? '';
  const name = start.metadata?.name ?? '';
  return new Promise((resolve, reject) => {
    let handle: WatchHandle | undefined;
    let done = false;
    const finish = (result: DebugWaitResult | Error) => {
      if (done) return;
      done = true;
      handle?.stop();
      options.signal?.removeEventListener('abort', cancel);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const cancel = () => finish({ kind: 'cancelled' });
    const look = (pod: V1Pod): boolean => {
      const state = debugState(pod, container);
      options.onState?.(state);
      const until = options.until ?? ['running', 'terminated', 'failed'];
      if ((state.kind === 'running' || state.kind === 'terminated' || state.kind === 'failed') && until.includes(state.kind)) {
        finish({ kind: state.kind, state, pod });
        return true;
      }
      return false;
    };
    const watchFrom = (pod: V1Pod) => {
      if (done || look(pod)) return;
      handle = api.watchPods({ namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: pod.metadata?.resourceVersion ?? '0' }, {
        onEvent(type, object) {
          if (type === 'BOOKMARK' || type === 'ERROR') return;
          const p = object as V1Pod;
          if (p.metadata?.name !== name) return;
          if (type === 'DELETED') finish({ kind: 'podGone' });
          else look(p);
        },
        // The watch ended (server timeout, dropped connection): read the pod afresh and watch on from there.
        onDone() {
          if (done) return;
          api.readPod(namespace, name).then(watchFrom, (err: unknown) => finish(isNotFound(err) ? { kind: 'podGone' } : asError(err)));
        },
      });
    };
    if (options.signal?.aborted) {
      cancel();
      return;
    }
    options.signal?.addEventListener('abort', cancel);
    watchFrom(start);
  });
}

function isNotFound(err: unknown): boolean {
  const e = err as { code?: unknown; statusCode?: unknown } | undefined;
  return e?.code === 404 || e?.statusCode === 404;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
