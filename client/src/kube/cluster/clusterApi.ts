// The few cluster calls the explorer makes (tree, logs, exec, actions), behind one interface so unit tests can
// inject faults with a fake instead of a real API server.
import {
  CoreV1Api,
  KubeConfig,
  Observable,
  Watch,
  type ConfigurationOptions,
  type RequestContext,
  type ResponseContext,
  type CoreV1EventList,
  type V1NamespaceList,
  type V1Pod,
  type V1PodList,
  type V1Status,
} from '@kubernetes/client-node';
// The package index does not re-export its model serializer; the watch needs it to type raw JSON like a list does.
import { ObjectSerializer } from '@kubernetes/client-node/dist/serializer.js';
import { withTimeout } from './connectionTimeout';

export { DEFAULT_TIMEOUT_MS, RequestTimeoutError } from './connectionTimeout';

export interface PodQuery {
  /** undefined = all namespaces. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ListPodsOptions extends PodQuery {
  /** Page size; with `continueToken` lets a caller page through very large namespaces. */
  limit?: number;
  continueToken?: string;
  timeoutMs?: number;
}

export interface WatchPodsOptions extends PodQuery {
  /** The list's (or last event's) resourceVersion; the server replays everything after it. */
  resourceVersion: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchHandlers {
  /**
   * ERROR events carry a V1Status (e.g. code 410 when the resourceVersion is too old); the rest carry a pod, typed
   * like listPods' items (timestamps are Dates), so consumers never see two shapes of the same object.
   */
  onEvent(type: WatchEventType, object: V1Pod | V1Status): void;
  /** The stream ended: `err` is null for a normal close (server timeout), else why it broke. Not called after stop(). */
  onDone(err: unknown): void;
}

export interface WatchHandle {
  stop(): void;
}

export interface RequestOptions {
  /** Defaults to DEFAULT_TIMEOUT_MS; the call then rejects with RequestTimeoutError. */
  timeoutMs?: number;
}

export interface ClusterApi {
  readonly contextName: string;
  /**
   * A private KubeConfig whose current context is `contextName`, for client-node helpers that need one (Log, Exec).
   * It is a copy in memory: never saved, so the user's kubeconfig file is never modified.
   */
  readonly kubeConfig: KubeConfig;
  listNamespaces(options?: RequestOptions): Promise<V1NamespaceList>;
  listPods(options: ListPodsOptions): Promise<V1PodList>;
  watchPods(options: WatchPodsOptions, handlers: WatchHandlers): WatchHandle;
  readPod(namespace: string, name: string, options?: RequestOptions): Promise<V1Pod>;
  deletePod(namespace: string, name: string, options?: RequestOptions & { gracePeriodSeconds?: number }): Promise<V1Pod>;
  /** Events whose involvedObject is the pod, as `kubectl describe pod` shows them. */
  listPodEvents(namespace: string, podName: string, options?: RequestOptions): Promise<CoreV1EventList>;
}

/** Makes the ClusterApi for one context of a loaded kubeconfig. */
export type ClusterApiFactory = (kubeConfig: KubeConfig, contextName: string) => ClusterApi;

/** A copy of `base` pointed at `contextName`, sharing its (read-only) cluster and user entries. */
export function kubeConfigForContext(base: KubeConfig, contextName: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: base.getClusters(),
    users: base.getUsers(),
    contexts: base.getContexts(),
    currentContext: contextName,
  });
  return kc;
}

export const createClusterApi: ClusterApiFactory = (base, contextName) => new ClientNodeClusterApi(base, contextName);

class ClientNodeClusterApi implements ClusterApi {
  readonly kubeConfig: KubeConfig;
  private readonly core: CoreV1Api;

  constructor(base: KubeConfig, readonly contextName: string) {
    this.kubeConfig = kubeConfigForContext(base, contextName);
    this.core = this.kubeConfig.makeApiClient(CoreV1Api);
  }

  listNamespaces(options?: RequestOptions): Promise<V1NamespaceList> {
    return withTimeout(options?.timeoutMs, 'listing namespaces', (signal) =>
      this.core.listNamespace({}, abortable(signal)),
    );
  }

  listPods(o: ListPodsOptions): Promise<V1PodList> {
    const query = { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector, limit: o.limit, _continue: o.continueToken };
    const what = o.namespace === undefined ? 'listing pods in all namespaces' : `listing pods in namespace "${o.namespace}"`;
    return withTimeout(o.timeoutMs, what, (signal) =>
      o.namespace === undefined
        ? this.core.listPodForAllNamespaces(query, abortable(signal))
        : this.core.listNamespacedPod({ namespace: o.namespace, ...query }, abortable(signal)),
    );
  }

  watchPods(o: WatchPodsOptions, handlers: WatchHandlers): WatchHandle {
    const path = o.namespace === undefined ? '/api/v1/pods' : `/api/v1/namespaces/${encodeURIComponent(o.namespace)}/pods`;
    const query: Record<string, string | boolean> = { resourceVersion: o.resourceVersion, allowWatchBookmarks: true };
    if (o.labelSelector) query.labelSelector = o.labelSelector;
    if (o.fieldSelector) query.fieldSelector = o.fieldSelector;
    let stopped = false;
    let controller: AbortController | undefined;
    new Watch(this.kubeConfig)
      .watch(
        path,
        query,
        (type: string, obj: unknown) => { if (!stopped) handlers.onEvent(type as WatchEventType, typedWatchObject(type, obj)); },
        (err: unknown) => { if (!stopped) handlers.onDone(err ?? null); },
      )
      .then(
        (c) => { controller = c; if (stopped) c.abort(); },
        (err: unknown) => { if (!stopped) handlers.onDone(err); },
      );
    return { stop() { stopped = true; controller?.abort(); } };
  }

  readPod(namespace: string, name: string, options?: RequestOptions): Promise<V1Pod> {
    return withTimeout(options?.timeoutMs, `reading pod "${namespace}/${name}"`, (signal) =>
      this.core.readNamespacedPod({ namespace, name }, abortable(signal)),
    );
  }

  deletePod(namespace: string, name: string, options?: RequestOptions & { gracePeriodSeconds?: number }): Promise<V1Pod> {
    return withTimeout(options?.timeoutMs, `deleting pod "${namespace}/${name}"`, (signal) =>
      this.core.deleteNamespacedPod({ namespace, name, gracePeriodSeconds: options?.gracePeriodSeconds }, abortable(signal)),
    );
  }

  listPodEvents(namespace: string, podName: string, options?: RequestOptions): Promise<CoreV1EventList> {
    const fieldSelector = `involvedObject.kind=Pod,involvedObject.name=${podName},involvedObject.namespace=${namespace}`;
    return withTimeout(options?.timeoutMs, `listing events of pod "${namespace}/${podName}"`, (signal) =>
      this.core.listNamespacedEvent({ namespace, fieldSelector }, abortable(signal)),
    );
  }
}

/** The watch hands over raw JSON; pods become the same typed model a list returns. */
function typedWatchObject(type: string, obj: unknown): V1Pod | V1Status {
  return type === 'ERROR' ? (obj as V1Status) : (ObjectSerializer.deserialize(obj, 'V1Pod') as V1Pod);
}

/** Per-call options that make the request honour `signal` (the object API takes observable-style middleware). */
function abortable(signal: AbortSignal): ConfigurationOptions {
  // The generated API's observable middleware (the package's exported `Middleware` is a different, promise type).
  const middleware: NonNullable<ConfigurationOptions['middleware']>[number] = {
    pre: (ctx: RequestContext) => { ctx.setSignal(signal); return new Observable(Promise.resolve(ctx)); },
    post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
