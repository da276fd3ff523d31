// Where a details document gets its pod: the explorer's own informers (the Pods view's list+watch and the context's
// events informer), never a request of its own. The answer says how far to trust what is held: live, not (yet) held,
// gone from a scope that is synced (deleted), or outside what the explorer watches now.
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { problemLabel } from '../cluster/connectionError';
import type { PodTreeModel } from '../tree/treeModel';

/** Which pod a document follows: by name, as `kubectl get pod` does (a pod re-created under its name is followed). */
export interface PodRef {
  contextName: string;
  namespace: string;
  name: string;
}

export type WatchedPod =
  | {
    kind: 'pod';
    pod: V1Pod;
    events: CoreV1Event[];
    /** Why the events are not listed (loading, forbidden). */
    eventsNote?: string;
    /** Set while the watch is down: the pod is the last one delivered. */
    stale?: string;
  }
  /** The watched scope is synced and has no such pod. */
  | { kind: 'absent'; why: string }
  /** Nothing to go by yet: the list is loading or failing. */
  | { kind: 'waiting'; why: string }
  /** The explorer does not watch the pod's namespace (or context) now. */
  | { kind: 'unwatched'; why: string };

export function watchedPod(model: PodTreeModel, ref: PodRef): WatchedPod {
  const session = model.openContext(ref.contextName);
  if (!session) return { kind: 'unwatched', why: `context "${ref.contextName}" cannot be used` };
  if (session.namespace !== undefined && session.namespace !== ref.namespace) {
    return { kind: 'unwatched', why: `the Pods view shows namespace "${session.namespace}" of this context now` };
  }
  const state = session.state;
  const pod = session.podInformer.get(ref.namespace, ref.name);
  if (pod) {
    const es = session.eventsState;
    const eventsNote = es.kind === 'error' ? `cannot list events: ${problemLabel(es.problem)}` : es.kind === 'listing' ? 'loading events…' : undefined;
    const stale = state.kind === 'reconnecting' || state.kind === 'error' ? `watch interrupted (${problemLabel(state.problem)}), showing the last state it delivered` : undefined;
    return { kind: 'pod', pod, events: session.events.eventsOf(ref.namespace, ref.name, pod.metadata?.uid), eventsNote, stale };
  }
  if (state.kind === 'synced' || state.kind === 'reconnecting') {
    const selector = model.currentFilter.labelSelector;
    // A watch with a label selector also says DELETED for a pod whose labels stopped matching.
    return { kind: 'absent', why: selector ? `POD DELETED, or its labels no longer match the filter "${selector}"` : 'POD DELETED' };
  }
  if (state.kind === 'error') return { kind: 'waiting', why: problemLabel(state.problem) };
  return { kind: 'waiting', why: 'loading…' };
}
