// When the last tab showing a document of a scheme closes. Tabs, not onDidCloseTextDocument: documents close and
// reopen when their language is set, and stay open a while after their tab is gone.
import * as vscode from 'vscode';

export function onLastTabClosed(scheme: string, closed: (uri: string) => void): vscode.Disposable {
  const tabUri = (tab: vscode.Tab): string | undefined =>
    tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === scheme ? tab.input.uri.toString() : undefined;
  return vscode.window.tabGroups.onDidChangeTabs((e) => {
    const open = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map(tabUri).filter((u) => u !== undefined));
    for (const uri of e.closed.map(tabUri)) if (uri && !open.has(uri)) closed(uri);
  });
}
