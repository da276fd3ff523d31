// The few cluster calls the explorer makes (tree, logs, exec, actions), behind one interface so unit tests can
// inject faults with a fake instead of a real API server.
import {
  Attach,
  CoreV1Api,
  Exec,
  KubeConfig,
  KubernetesObjectApi,
  Log,
  Observable,
  PortForward,
  type ConfigurationOptions,
  type RequestContext,
  type ResponseContext,
  type CoreV1Event,
  type CoreV1EventList,
  type V1ListMeta,
  type V1NamespaceList,
  type V1Node,
  type V1Pod,
  type V1PodList,
  type V1Status,
  type PodMetricsList,
} from '@kubernetes/client-node';
import { ApiRequestError, apiRequest, type ApiRequestOptions, type ApiResponse } from './apiRequest';
import { ChannelConnector } from './channelConnector';
import { DEFAULT_TIMEOUT_MS, withTimeout } from './connectionTimeout';
import { withSafeCredentialPlugins } from './credentialPlugin';
import { decodeEvent, decodePod, type Decoder } from './modelDecoder';
import { openWatchStream } from './watchStream';

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
  /**
   * A streaming list (WatchList, KEP 3157): the server first sends every object as ADDED, then a BOOKMARK annotated
   * `k8s.io/initial-events-end: "true"`, then the changes. With resourceVersion '' the snapshot is as fresh as a
   * quorum read. Servers whose WatchList gate is off refuse it (422); one that does not know the parameters would
   * ignore them and never send the closing bookmark (see Informer).
   */
  sendInitialEvents?: boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchHandlers<T = V1Pod> {
  /**
   * ERROR events carry a V1Status (e.g. code 410 when the resourceVersion is too old); the rest carry the object, typed
   * like the list's items (timestamps are Dates), so consumers never see two shapes of the same object.
   */
  onEvent(type: WatchEventType, object: T | V1Status): void;
  /** The stream ended: `err` is null for a normal close (server timeout), else why it broke. Not called after stop(). */
  onDone(err: unknown): void;
}

export interface WatchHandle {
  stop(): void;
}

export interface RequestOptions {
  /** Defaults to the api's timeout (the podscope.explorer.requestTimeoutSeconds setting); then RequestTimeoutError. */
  timeoutMs?: number;
}

/** Any object, by apiVersion and kind, as a manifest names it. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** undefined for cluster-scoped kinds. */
  namespace?: string;
}

export interface PodLogQuery {
  container: string;
  previous?: boolean;
  limitBytes?: number;
}

/**
 * All the explorer asks of a cluster. The context's credentials stay inside: callers get typed calls, raw requests and
 * client-node's streaming helpers already bound to the context, never the KubeConfig.
 */
export interface ClusterApi {
  readonly contextName: string;
  /** True when informers should first ask for a streaming list (watchPods with sendInitialEvents), paging only if refused. */
  readonly streamsLists?: boolean;
  /** What a call without its own timeout waits for. */
  readonly timeoutMs: number;
  listNamespaces(options?: RequestOptions): Promise<V1NamespaceList>;
  listPods(options: ListPodsOptions): Promise<V1PodList>;
  watchPods(options: WatchPodsOptions, handlers: WatchHandlers): WatchHandle;
  /** core/v1 events of a scope (what `kubectl get events` lists), paged like listPods. */
  listEvents(options: ListPodsOptions): Promise<CoreV1EventList>;
  watchEvents(options: WatchPodsOptions, handlers: WatchHandlers<CoreV1Event>): WatchHandle;
  readPod(namespace: string, name: string, options?: RequestOptions): Promise<V1Pod>;
  deletePod(namespace: string, name: string, options?: RequestOptions & { gracePeriodSeconds?: number }): Promise<V1Pod>;
  /**
   * Deletes any object as `kubectl delete -f` does (propagation Background), through client-node's
   * KubernetesObjectApi. Throws its ApiException (the Status: NotFound, Forbidden, ...) on refusal.
   */
  deleteObject(ref: ObjectRef, options?: RequestOptions & { gracePeriodSeconds?: number }): Promise<void>;
  /** Events whose involvedObject is the pod, as `kubectl describe pod` shows them. */
  listPodEvents(namespace: string, podName: string, options?: RequestOptions): Promise<CoreV1EventList>;
  readNode(name: string, options?: RequestOptions): Promise<V1Node>;
  /** A short, non-streaming read of a container's log, for the API server's reason when a stream is refused. */
  readPodLog(namespace: string, pod: string, query: PodLogQuery, options?: RequestOptions): Promise<string>;
  /**
   * metrics.k8s.io PodMetrics of a namespace or all (what `kubectl top pod` reads). Throws ApiRequestError with the
   * server's code when the API is absent (404, or 503 while its APIService is unavailable) or refused (403).
   */
  listPodMetrics(namespace: string | undefined, options?: RequestOptions): Promise<PodMetricsList>;
  /** A raw request with the context's credentials, for what the typed clients get in the way of. */
  request(path: string, options?: ApiRequestOptions): Promise<ApiResponse>;
  /** client-node's log streamer, bound to this context. */
  logStreamer(): Log;
  /** client-node's exec, bound to this context, over the channel connector (its refusals carry the server's reason). */
  exec(): Exec;
  /** client-node's port forward, bound to this context, over the channel connector. */
  portForwarder(): PortForward;
  /** client-node's attach, bound to this context; `onStatus` gets the server's status (which Attach itself drops). */
  attacher(onStatus?: (status: V1Status) => void): Attach;
}

/** Makes the ClusterApi for one context of a loaded kubeconfig. */
export type ClusterApiFactory = (kubeConfig: KubeConfig, contextName: string, timeoutMs?: number) => ClusterApi;

/** A copy of `base` pointed at `contextName`, sharing its (read-only) cluster and user entries. */
export function kubeConfigForContext(base: KubeConfig, contextName: string): KubeConfig {
  const kc = withSafeCredentialPlugins(new KubeConfig());
  kc.loadFromOptions({
    clusters: base.getClusters(),
    users: base.getUsers(),
    contexts: base.getContexts(),
    currentContext: contextName,
  });
  return kc;
}

export const createClusterApi: ClusterApiFactory = (base, contextName, timeoutMs) => new ClientNodeClusterApi(base, contextName, timeoutMs);

class ClientNodeClusterApi implements ClusterApi {
  readonly streamsLists = true;
  /** A private copy pointed at `contextName`: never saved, so the user's kubeconfig file is never modified. */
  private readonly kubeConfig: KubeConfig;
  private readonly core: CoreV1Api;
  private objectApi: KubernetesObjectApi | undefined;

  constructor(base: KubeConfig, readonly contextName: string, readonly timeoutMs = DEFAULT_TIMEOUT_MS) {
    this.kubeConfig = kubeConfigForContext(base, contextName);
    this.core = this.kubeConfig.makeApiClient(CoreV1Api);
  }

  // Bodies (create, apply) go through request() with the manifest's own text instead: KubernetesObjectApi serializes
  // built-in kinds through client-node's models, which drop every field they do not know (a newer API field, a typo
  // the server's strict validation should report). A delete carries no object, so nothing can be lost.
  deleteObject(ref: ObjectRef, options?: RequestOptions & { gracePeriodSeconds?: number }): Promise<void> {
    this.objectApi ??= KubernetesObjectApi.makeApiClient(this.kubeConfig);
    const objects = this.objectApi;
    const spec = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } };
    return withTimeout(this.timeout(options), `deleting ${ref.kind} "${ref.name}"`, async () => {
      await objects.delete(spec, undefined, undefined, options?.gracePeriodSeconds, undefined, 'Background');
    });
  }

  readNode(name: string, options?: RequestOptions): Promise<V1Node> {
    return withTimeout(this.timeout(options), `reading node "${name}"`, (signal) => this.core.readNode({ name }, abortable(signal)));
  }

  readPodLog(namespace: string, pod: string, q: PodLogQuery, options?: RequestOptions): Promise<string> {
    return withTimeout(this.timeout(options), `reading the log of "${namespace}/${pod}"`, (signal) =>
      this.core.readNamespacedPodLog({ namespace, name: pod, container: q.container, previous: q.previous, limitBytes: q.limitBytes }, abortable(signal)),
    );
  }

  request(path: string, options: ApiRequestOptions = {}): Promise<ApiResponse> {
    return apiRequest(this.kubeConfig, path, { ...options, timeoutMs: options.timeoutMs ?? this.timeoutMs });
  }

  // client-node's Metrics class takes no timeout; the raw request does, and carries the Status of a refusal.
  async listPodMetrics(namespace: string | undefined, options?: RequestOptions): Promise<PodMetricsList> {
    const scope = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
    const response = await this.request(`/apis/metrics.k8s.io/v1beta1${scope}/pods`, { timeoutMs: this.timeout(options) });
    if (response.status !== 200) throw ApiRequestError.from(response);
    return JSON.parse(response.body) as PodMetricsList;
  }

  logStreamer(): Log {
    return new Log(this.kubeConfig);
  }

  exec(): Exec {
    return new Exec(this.kubeConfig, new ChannelConnector(this.kubeConfig));
  }

  portForwarder(): PortForward {
    return new PortForward(this.kubeConfig, true, new ChannelConnector(this.kubeConfig));
  }

  attacher(onStatus?: (status: V1Status) => void): Attach {
    return new Attach(this.kubeConfig, new ChannelConnector(this.kubeConfig, onStatus));
  }

  private timeout(options: RequestOptions | undefined): number {
    return options?.timeoutMs ?? this.timeoutMs;
  }

  listNamespaces(options?: RequestOptions): Promise<V1NamespaceList> {
    return withTimeout(this.timeout(options), 'listing namespaces', (signal) =>
      this.core.listNamespace({}, abortable(signal)),
    );
  }

  listPods(o: ListPodsOptions): Promise<V1PodList> {
    return this.list(o, 'pods', decodePod);
  }

  watchPods(o: WatchPodsOptions, handlers: WatchHandlers): WatchHandle {
    return this.watch(scopedPath(o.namespace, 'pods'), o, decodePod, handlers);
  }

  listEvents(o: ListPodsOptions): Promise<CoreV1EventList> {
    return this.list(o, 'events', decodeEvent);
  }

  watchEvents(o: WatchPodsOptions, handlers: WatchHandlers<CoreV1Event>): WatchHandle {
    return this.watch(scopedPath(o.namespace, 'events'), o, decodeEvent, handlers);
  }

  /**
   * One page of a list in one namespace or all. Read raw and decoded here rather than through CoreV1Api, whose
   * model serializer cost more than the request itself on large lists (see modelDecoder.ts).
   */
  private async list<T>(o: ListPodsOptions, resource: string, decode: Decoder<T>): Promise<{ items: T[]; metadata?: V1ListMeta }> {
    const query = new URLSearchParams();
    if (o.labelSelector) query.set('labelSelector', o.labelSelector);
    if (o.fieldSelector) query.set('fieldSelector', o.fieldSelector);
    if (o.limit !== undefined) query.set('limit', String(o.limit));
    if (o.continueToken) query.set('continue', o.continueToken);
    const what = o.namespace === undefined ? `listing ${resource} in all namespaces` : `listing ${resource} in namespace "${o.namespace}"`;
    const qs = query.size > 0 ? `?${query}` : '';
    const timeoutMs = o.timeoutMs ?? this.timeoutMs;
    const response = await withTimeout(timeoutMs, what, (signal) => apiRequest(this.kubeConfig, scopedPath(o.namespace, resource) + qs, { timeoutMs, signal }));
    if (response.status !== 200) throw ApiRequestError.from(response);
    const list = JSON.parse(response.body) as { items?: unknown[]; metadata?: RawListMeta };
    const { continue: continueToken, ...meta } = list.metadata ?? {};
    return { items: (list.items ?? []).map(decode), metadata: { ...meta, _continue: continueToken } };
  }

  private watch<T>(path: string, o: WatchPodsOptions, decode: Decoder<T>, handlers: WatchHandlers<T>): WatchHandle {
    const query = new URLSearchParams({ resourceVersion: o.resourceVersion, allowWatchBookmarks: 'true' });
    if (o.sendInitialEvents) {
      query.set('sendInitialEvents', 'true');
      query.set('resourceVersionMatch', 'NotOlderThan');
    }
    if (o.labelSelector) query.set('labelSelector', o.labelSelector);
    if (o.fieldSelector) query.set('fieldSelector', o.fieldSelector);
    return openWatchStream(this.kubeConfig, path, query, {
      onEvent: (type, obj) => handlers.onEvent(type as WatchEventType, type === 'ERROR' ? obj as V1Status : decode(obj)),
      onDone: (err) => handlers.onDone(err),
    });
  }

  readPod(namespace: string, name: string, options?: RequestOptions): Promise<V1Pod> {
    return withTimeout(this.timeout(options), `reading pod "${namespace}/${name}"`, (signal) =>
      this.core.readNamespacedPod({ namespace, name }, abortable(signal)),
    );
  }

  deletePod(namespace: string, name: string, options?: RequestOptions & { gracePeriodSeconds?: number }): Promise<V1Pod> {
    return withTimeout(this.timeout(options), `deleting pod "${namespace}/${name}"`, (signal) =>
      this.core.deleteNamespacedPod({ namespace, name, gracePeriodSeconds: options?.gracePeriodSeconds }, abortable(signal)),
    );
  }

  listPodEvents(namespace: string, podName: string, options?: RequestOptions): Promise<CoreV1EventList> {
    const fieldSelector = `involvedObject.kind=Pod,involvedObject.name=${podName},involvedObject.namespace=${namespace}`;
    return withTimeout(this.timeout(options), `listing events of pod "${namespace}/${podName}"`, (signal) =>
      this.core.listNamespacedEvent({ namespace, fieldSelector }, abortable(signal)),
    );
  }
}

/** ListMeta as the server spells it (`continue`, which client-node's model renames to `_continue`). */
interface RawListMeta extends Omit<V1ListMeta, '_continue'> {
  continue?: string;
}

function scopedPath(namespace: string | undefined, resource: string): string {
  return namespace === undefined ? `/api/v1/${resource}` : `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}`;
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
