// The Events view: the events of the active context's namespace (or all namespaces), newest first, live from the same
// events informer that puts warnings on the pod rows. Thin VS Code glue over PodEvents and eventPresentation.ts.
import type { CoreV1Event } from '@kubernetes/client-node';
import * as vscode from 'vscode';
import { problemLabel } from '../cluster/connectionError';
import type { PodTreeModel } from '../tree/treeModel';
import { presentEvent } from './eventPresentation';

export const EVENTS_VIEW_ID = 'podscope.events';

/** The view lists this many; a namespace can hold thousands, and the newest are the ones worth reading. */
const MAX_ROWS = 500;
/** "5m ago" goes stale; a visible view is redrawn this often. */
const AGE_REFRESH_MS = 30_000;

/** An event, or a line saying why there are none. */
type Row = CoreV1Event | { note: string; error?: boolean };

export class EventsView implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Row | undefined>();
  private readonly view: vscode.TreeView<Row>;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly model: PodTreeModel, private readonly activeContext: () => string | undefined) {
    this.view = vscode.window.createTreeView<Row>(EVENTS_VIEW_ID, {
      treeDataProvider: {
        onDidChangeTreeData: this.emitter.event,
        getTreeItem: (row) => this.item(row),
        getChildren: (row) => (row ? [] : this.rows()),
      },
    });
    this.disposables.push(this.view);
    const refresh = () => { if (this.view.visible) this.emitter.fire(undefined); };
    this.disposables.push(
      model.onEventsChange((c) => { if (c === this.activeContext()) refresh(); }),
      // A new context, namespace or kubeconfig: the whole tree changes, and so does what this view shows.
      model.onDidChange((nodes) => { if (nodes.some((n) => n === undefined || n.nodeType === 'context')) refresh(); }),
      this.view.onDidChangeVisibility(refresh),
    );
    const timer = setInterval(refresh, AGE_REFRESH_MS);
    this.disposables.push({ dispose: () => clearInterval(timer) });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private rows(): Row[] {
    const context = this.activeContext();
    const session = context === undefined ? undefined : this.model.openContext(context);
    const ns = context === undefined ? undefined : this.model.namespaceOf(context);
    this.view.description = context === undefined ? undefined : `${context} · ${ns ?? 'all namespaces'}`;
    if (!session) return [{ note: context === undefined ? 'No context' : `Context "${context}" cannot be used` }];
    const state = session.eventsState;
    if (state.kind === 'error') return [{ note: problemLabel(state.problem), error: true }];
    if (state.kind === 'listing') return [{ note: 'Loading events…' }];
    const events = session.events.newest(MAX_ROWS);
    return events.length > 0 ? events : [{ note: 'No events' }];
  }

  private item(row: Row): vscode.TreeItem {
    if ('note' in row) {
      const item = new vscode.TreeItem(row.note);
      item.iconPath = new vscode.ThemeIcon(row.error ? 'error' : 'info');
      return item;
    }
    const e = row;
    const ns = this.activeContext() === undefined ? undefined : this.model.namespaceOf(this.activeContext()!);
    const data = presentEvent(e, Date.now(), ns === undefined);
    const item = new vscode.TreeItem(data.label);
    item.id = data.id;
    item.description = data.description;
    item.tooltip = new vscode.MarkdownString(data.tooltip);
    item.iconPath = new vscode.ThemeIcon(data.icon.id, data.icon.color ? new vscode.ThemeColor(data.icon.color) : undefined);
    item.contextValue = 'podscope.event';
    return item;
  }
}
