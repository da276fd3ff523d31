// VS Code glue for pod metrics: the poller runs while the Pods view is visible, at the podscope.metrics.refreshSeconds
// interval (0 = off), feeds the tree model, and says once, in the view's message, which contexts have none.
import * as vscode from 'vscode';
import { Config } from '../../config';
import type { TreeNode } from '../tree/nodes';
import type { PodTreeModel } from '../tree/treeModel';
import { MetricsPoller } from './metricsPoller';
import { unavailableMessage } from './metricsUnavailable';

export class MetricsView implements vscode.Disposable {
  private readonly poller: MetricsPoller;
  private readonly unavailable = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];

  /** `showMessage` gets the metrics part of the view's message (the explorer joins it to its own). */
  constructor(model: PodTreeModel, view: vscode.TreeView<TreeNode>, private readonly showMessage: (text: string | undefined) => void) {
    this.poller = new MetricsPoller(() => model.metricsScopes(), {
      metrics: (context, snapshot) => model.setMetrics(context, snapshot),
      availability: (context, reason) => {
        if (reason === undefined) this.unavailable.delete(context);
        else this.unavailable.set(context, reason);
        this.showMessage(unavailableMessage(this.unavailable));
      },
    });
    this.poller.setInterval(new Config().metricsRefreshMs);
    this.poller.setVisible(view.visible);
    this.disposables.push(
      view.onDidChangeVisibility((e) => this.poller.setVisible(e.visible)),
      model.onDidChange(() => this.poller.scopesChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (Config.changesMetricsRefresh(e)) this.poller.setInterval(new Config().metricsRefreshMs); }),
    );
  }

  /** The tree's contexts were replaced (a new kubeconfig): what was said about the old ones no longer holds. */
  reset(): void {
    this.poller.reset();
    this.unavailable.clear();
    this.showMessage(undefined);
  }

  dispose(): void {
    this.poller.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
