// Thin VS Code glue over PodTreeModel: model nodes in, vscode.TreeItems out, model change batches forwarded as
// onDidChangeTreeData. Everything worth testing lives in the model and podTreePresentation.ts.
import * as vscode from 'vscode';
import type { PodTreeModel } from './treeModel';
import type { TreeNode } from './nodes';
import { presentNode, tooltipOf, type Collapsible, type TreeItemData } from './presentation';

const COLLAPSIBLE: Record<Collapsible, vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** Ages in pod rows go stale; rows the user can see are refreshed this often. */
const AGE_REFRESH_MS = 30_000;

export class PodTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Expanded containers of pod rows, so the age ticker refreshes only what is on screen. */
  private readonly expanded = new Set<TreeNode>();
  /** What each pod row was last drawn as, so the ticker refreshes only rows whose age text moved. */
  private readonly drawn = new WeakMap<TreeNode, string>();

  constructor(private readonly model: PodTreeModel, private readonly now: () => number = Date.now) {
    this.disposables.push(model.onDidChange((nodes) => {
      if (nodes.includes(undefined)) {
        this.expanded.clear();
        this.emitter.fire(undefined);
      } else {
        this.emitter.fire(nodes as TreeNode[]);
      }
    }));
  }

  /** Tracks expansion and keeps visible ages current. */
  attach(view: vscode.TreeView<TreeNode>): void {
    this.disposables.push(
      view.onDidExpandElement((e) => { this.expanded.add(e.element); this.model.setExpanded(e.element, true); }),
      view.onDidCollapseElement((e) => { this.expanded.delete(e.element); this.model.setExpanded(e.element, false); }),
    );
    const timer = setInterval(() => { if (view.visible) this.tick(); }, AGE_REFRESH_MS);
    this.disposables.push({ dispose: () => clearInterval(timer) });
  }

  /**
   * Redraws the shown pod rows whose text moved with time ("5m" became "6m"), and no others: a refresh closes the
   * tooltip the user is reading, and most ages change far less often than the ticker runs.
   */
  tick(): void {
    const now = this.now();
    const stale: TreeNode[] = [];
    for (const parent of this.expanded) {
      if (parent.nodeType !== 'namespace' && parent.nodeType !== 'page') continue;
      for (const pod of this.model.children(parent)) {
        const before = this.drawn.get(pod);
        if (before !== undefined && before !== drawnText(presentNode(pod, this.model, now))) stale.push(pod);
      }
    }
    if (stale.length > 0) this.emitter.fire(stale);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const data = presentNode(node, this.model, this.now());
    if (node.nodeType === 'pod') this.drawn.set(node, drawnText(data));
    const item = new vscode.TreeItem(data.label, COLLAPSIBLE[data.collapsible]);
    item.id = data.id;
    item.description = data.description;
    item.contextValue = data.contextValue;
    if (data.tooltip) item.tooltip = new vscode.MarkdownString(data.tooltip);
    if (data.command) item.command = data.command;
    if (data.icon) item.iconPath = new vscode.ThemeIcon(data.icon.id, data.icon.color ? new vscode.ThemeColor(data.icon.color) : undefined);
    return item;
  }

  /** Pod and container tooltips are only built when hovered. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const tooltip = tooltipOf(node, this.now());
    if (tooltip) item.tooltip = new vscode.MarkdownString(tooltip);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return this.model.children(node);
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.model.parent(node);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function drawnText(data: TreeItemData): string {
  return `${data.label}\n${data.description ?? ''}`;
}
