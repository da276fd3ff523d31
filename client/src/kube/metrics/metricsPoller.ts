// Refreshes pod metrics on an interval while the pods view is visible: one PodMetrics list per opened context (its
// namespace scope, like the tree's), never two rounds at once. A cluster without metrics is reported once per change
// of availability, not once per round; a passing fault keeps the last figures and says nothing.
import type { ClusterApi } from '../cluster/clusterApi';
import { metricsUnavailableReason } from './metricsUnavailable';
import { metricsSnapshot, type MetricsSnapshot } from './podUsage';

export interface MetricsScope {
  contextName: string;
  api: ClusterApi;
  /** undefined = all namespaces. */
  namespace: string | undefined;
}

export interface MetricsListener {
  /** New figures for a context; undefined = show none (unavailable, or refreshing turned off). */
  metrics(contextName: string, snapshot: MetricsSnapshot | undefined): void;
  /** Called when availability changes: why metrics are unavailable, or undefined once they are back. */
  availability(contextName: string, unavailable: string | undefined): void;
}

export interface MetricsPollerOptions {
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class MetricsPoller {
  private intervalMs = 0;
  private visible = false;
  private timer: unknown;
  private round: Promise<void> | undefined;
  private disposed = false;
  private readonly unavailable = new Map<string, string>();
  /** Contexts that were given figures, so turning refresh off can take them back. */
  private readonly shown = new Set<string>();
  /** The scopes the last round listed, so a context opened (or rescoped) since gets figures without waiting. */
  private polledScopes = '';

  constructor(
    private readonly scopes: () => MetricsScope[],
    private readonly listener: MetricsListener,
    private readonly options: MetricsPollerOptions = {},
  ) {}

  /** The podscope.metrics.refreshSeconds setting, in ms; 0 turns metrics off and clears what is shown. */
  setInterval(ms: number): void {
    const was = this.active;
    this.intervalMs = Math.max(0, ms);
    if (this.intervalMs === 0) this.clearAll();
    this.restart(was);
  }

  setVisible(visible: boolean): void {
    const was = this.active;
    this.visible = visible;
    this.restart(was);
  }

  get active(): boolean {
    return !this.disposed && this.visible && this.intervalMs > 0;
  }

  /** One round now: every scope, in parallel. A round already running is joined, not doubled. */
  poll(): Promise<void> {
    this.round ??= this.pollAll().finally(() => {
      this.round = undefined;
      this.schedule();
    });
    return this.round;
  }

  /** The tree opened, closed or rescoped a context: poll now if that changed what a round lists. */
  scopesChanged(): void {
    if (this.active && scopesKey(this.scopes()) !== this.polledScopes) void this.poll();
  }

  /** The contexts were replaced (a new kubeconfig): forget what was reported about the old ones. */
  reset(): void {
    this.unavailable.clear();
    this.shown.clear();
    this.polledScopes = '';
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private restart(wasActive: boolean): void {
    if (!this.active) {
      this.cancel();
      return;
    }
    // Becoming visible (or turned on) shows fresh figures at once; an interval change while running just reschedules.
    if (!wasActive) void this.poll();
    else if (!this.round) { this.cancel(); this.schedule(); }
  }

  private schedule(): void {
    if (!this.active || this.timer !== undefined || this.round) return;
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = undefined;
      void this.poll();
    }, this.intervalMs);
  }

  private cancel(): void {
    if (this.timer !== undefined) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = undefined;
  }

  private async pollAll(): Promise<void> {
    const scopes = this.scopes();
    this.polledScopes = scopesKey(scopes);
    await Promise.all(scopes.map((s) => this.pollOne(s)));
  }

  private async pollOne(scope: MetricsScope): Promise<void> {
    const { contextName } = scope;
    try {
      const list = await scope.api.listPodMetrics(scope.namespace);
      if (this.intervalMs === 0 || this.disposed) return;
      if (this.unavailable.delete(contextName)) this.listener.availability(contextName, undefined);
      this.shown.add(contextName);
      this.listener.metrics(contextName, metricsSnapshot(list.items ?? []));
    } catch (err) {
      const reason = metricsUnavailableReason(err);
      if (reason === undefined || this.disposed) return;
      if (this.unavailable.get(contextName) !== reason) {
        this.unavailable.set(contextName, reason);
        this.listener.availability(contextName, reason);
      }
      if (this.shown.delete(contextName)) this.listener.metrics(contextName, undefined);
    }
  }

  private clearAll(): void {
    for (const c of this.shown) this.listener.metrics(c, undefined);
    this.shown.clear();
    for (const c of this.unavailable.keys()) this.listener.availability(c, undefined);
    this.unavailable.clear();
  }
}

function scopesKey(scopes: MetricsScope[]): string {
  return JSON.stringify(scopes.map((s) => [s.contextName, s.namespace ?? null]));
}
