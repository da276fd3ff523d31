// Pod explorer: loads the kubeconfig, shows the pod tree, and hands the rest of the explorer (logs, exec, actions)
// what it needs: the ClusterApi of a context and the tree itself.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Config } from '../../config';
import type { ClusterApi } from '../cluster/clusterApi';
import { connect, type Connection } from '../cluster/connection';
import { ConnectionPrefs } from '../cluster/connectionPrefs';
import { kubeconfigSource, loadKubeconfig, type KubeconfigLoad } from '../cluster/kubeconfig';
import type { TreeCommandHost } from './treeCommands';
import { EventsView } from '../events/eventsView';
import { MetricsView } from '../metrics/metricsView';
import { describeFilter, type PodFilter } from './podFilter';
import { PodTreeModel } from './treeModel';
import type { TreeNode } from './nodes';
import { PodTreeProvider } from './treeProvider';
import { POD_TREE_VIEW_ID } from './treeIds';

export interface Explorer extends vscode.Disposable, TreeCommandHost {
  /** The loaded kubeconfig and the user's choices; undefined when there is no usable kubeconfig. */
  readonly connection: Connection | undefined;
  /** The ClusterApi of a context (shared with the tree), or undefined if no kubeconfig defines it. */
  apiFor(contextName: string): ClusterApi | undefined;
  /** Re-reads the kubeconfig and re-lists. */
  reload(): Promise<void>;
}

const STATE_KEY = 'podscope.kubeconfig.state';
const FILTERED_KEY = 'podscope.pods.filtered';
const SORTED_BY_NODE_KEY = 'podscope.pods.sortedByNode';

export async function startExplorer(context: vscode.ExtensionContext): Promise<Explorer> {
  const explorer = new PodExplorer(context);
  await explorer.reload();
  return explorer;
}

class PodExplorer implements Explorer {
  readonly model: PodTreeModel;
  readonly treeView: vscode.TreeView<TreeNode>;
  connection: Connection | undefined;
  private readonly prefs: ConnectionPrefs;
  private readonly disposables: vscode.Disposable[] = [];
  private fileWatchers: vscode.Disposable[] = [];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly metrics: MetricsView;
  /** The view's message is the kubeconfig's problems, then which contexts have no metrics. */
  private readonly message: { kubeconfig?: string; metrics?: string } = {};

  constructor(context: vscode.ExtensionContext) {
    this.prefs = new ConnectionPrefs(context.globalState);
    this.model = new PodTreeModel(undefined);
    this.model.setPodColumns(new Config().podDescription);
    const provider = new PodTreeProvider(this.model);
    this.treeView = vscode.window.createTreeView(POD_TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
    provider.attach(this.treeView);
    this.metrics = new MetricsView(this.model, this.treeView, (text) => this.showMessage({ metrics: text }));
    this.disposables.push(provider, this.treeView, new EventsView(this.model, () => this.connection?.activeContext()), this.metrics);
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (Config.reloadsExplorer(e)) void this.reload();
      if (Config.changesPodDescription(e)) this.model.setPodColumns(new Config().podDescription);
    }));
  }

  apiFor(contextName: string): ClusterApi | undefined {
    const c = this.connection;
    return c && c.contexts().includes(contextName) ? c.api(contextName) : undefined;
  }

  async reload(): Promise<void> {
    const config = new Config();
    const load = loadKubeconfig(kubeconfigSource(config.kubeconfig));
    this.connection = connect(load, this.prefs, config.requestTimeoutMs);
    this.model.setSource(this.connection, { listTimeoutMs: config.requestTimeoutMs });
    this.metrics.reset();
    this.showMessage({ kubeconfig: kubeconfigMessage(load) });
    await vscode.commands.executeCommand('setContext', STATE_KEY, load.kind);
    this.watchFiles(load);
  }

  setFilter(filter: PodFilter): void {
    this.model.setFilter(filter);
    const filtered = describeFilter(this.model.currentFilter) !== undefined;
    this.describeView();
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, filtered);
  }

  setSortByNode(on: boolean): void {
    this.model.setSortByNode(on);
    this.describeView();
    void vscode.commands.executeCommand('setContext', SORTED_BY_NODE_KEY, on);
  }

  private showMessage(part: { kubeconfig?: string } | { metrics?: string }): void {
    Object.assign(this.message, part);
    this.treeView.message = [this.message.kubeconfig, this.message.metrics].filter(Boolean).join('\n') || undefined;
  }

  /** The view's header says what hides or reorders pods: the filter, the sort by node. */
  private describeView(): void {
    const parts = [describeFilter(this.model.currentFilter), this.model.sortByNode ? 'sorted by node' : undefined];
    this.treeView.description = parts.filter(Boolean).join(' · ') || undefined;
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const d of [...this.fileWatchers, ...this.disposables]) d.dispose();
    this.model.dispose();
  }

  /** An edited kubeconfig (new context, rotated token) is picked up without a reload of the window. */
  private watchFiles(load: KubeconfigLoad): void {
    for (const w of this.fileWatchers) w.dispose();
    this.fileWatchers = load.source.files.map((file) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const changed = () => this.scheduleReload();
      watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      watcher.onDidDelete(changed);
      return watcher;
    });
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => { this.reloadTimer = undefined; void this.reload(); }, 500);
  }
}

/** The line above the tree: why the kubeconfig is unusable, or which files were skipped. */
function kubeconfigMessage(load: KubeconfigLoad): string | undefined {
  switch (load.kind) {
    case 'missing': return undefined;
    case 'unusable': return load.problems.map((p) => p.message).join('\n');
    case 'loaded': return load.problems.length > 0 ? `Skipped: ${load.problems.map((p) => p.message).join('; ')}` : undefined;
  }
}
