// One loaded kubeconfig plus the user's remembered choices: which contexts exist, which is active, which namespace
// each shows, and a ClusterApi per context (made once, so the tree, logs and exec share its connection pool).
import type { KubeConfig } from '@kubernetes/client-node';
import { createClusterApi, type ClusterApi, type ClusterApiFactory } from './clusterApi';
import type { ConnectionPrefs } from './connectionPrefs';
import { contextProblem, type KubeconfigLoad } from './kubeconfig';

export interface ContextDetail {
  cluster?: string;
  server?: string;
  user?: string;
  /** The namespace the kubeconfig context names, if any. */
  defaultNamespace?: string;
}

/** What the pod tree needs to know about contexts; Connection is the real one, tests pass their own. */
export interface ConnectionSource {
  contexts(): string[];
  activeContext(): string | undefined;
  /** undefined = all namespaces. */
  namespaceOf(contextName: string): string | undefined;
  /** Why the context cannot be used (a dangling reference), or undefined. */
  contextProblem(contextName: string): string | undefined;
  contextDetail(contextName: string): ContextDetail;
  api(contextName: string): ClusterApi;
}

/** The connection of a loaded kubeconfig (undefined when none is usable); its calls wait `timeoutMs` at most. */
export function connect(load: KubeconfigLoad, prefs: ConnectionPrefs, timeoutMs: number): Connection | undefined {
  return load.kind === 'loaded' ? new Connection(load.kubeConfig, prefs, createClusterApi, timeoutMs) : undefined;
}

export class Connection implements ConnectionSource {
  private readonly apis = new Map<string, ClusterApi>();

  constructor(
    readonly kubeConfig: KubeConfig,
    private readonly prefs: ConnectionPrefs,
    private readonly apiFactory: ClusterApiFactory = createClusterApi,
    private readonly timeoutMs?: number,
  ) {}

  contexts(): string[] {
    return this.kubeConfig.getContexts().map((c) => c.name);
  }

  activeContext(): string | undefined {
    return this.prefs.activeContext(this.kubeConfig);
  }

  setActiveContext(name: string): Promise<void> {
    return this.prefs.setActiveContext(name);
  }

  namespaceOf(contextName: string): string | undefined {
    return this.prefs.namespace(this.kubeConfig, contextName);
  }

  setNamespace(contextName: string, namespace: string | undefined): Promise<void> {
    return this.prefs.setNamespace(contextName, namespace);
  }

  contextProblem(contextName: string): string | undefined {
    return contextProblem(this.kubeConfig, contextName);
  }

  contextDetail(contextName: string): ContextDetail {
    const ctx = this.kubeConfig.getContextObject(contextName);
    const cluster = ctx ? this.kubeConfig.getCluster(ctx.cluster) : null;
    return { cluster: ctx?.cluster, server: cluster?.server, user: ctx?.user, defaultNamespace: ctx?.namespace };
  }

  api(contextName: string): ClusterApi {
    let api = this.apis.get(contextName);
    if (!api) {
      api = this.apiFactory(this.kubeConfig, contextName, this.timeoutMs);
      this.apis.set(contextName, api);
    }
    return api;
  }
}
