// A status bar entry for the focused log view: what its stream is doing, and a click to stop or restart it.
import * as vscode from 'vscode';
import { RESTART_LOGS, STOP_LOGS } from './logCommands';
import { LOG_SCHEME, type LogViews } from './logView';

export function logStatusBar(views: LogViews): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('podscope.logs.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Podscope log stream';
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const session = uri?.scheme === LOG_SCHEME ? views.sessionOf(uri) : undefined;
    if (!session) {
      item.hide();
      void vscode.commands.executeCommand('setContext', 'podscope.logs.streaming', false);
      return;
    }
    const summary = session.summary();
    const who = session.title;
    const live = session.running && !summary.startsWith('failed') && summary !== 'ended';
    const icon = summary.startsWith('failed') ? '$(error)' : summary.startsWith('reconnecting') ? '$(debug-disconnect)' : live ? '$(sync~spin)' : '$(debug-pause)';
    const { json, minLevel } = session.presentation;
    const shown = [json === 'pretty' ? 'JSON rendered' : '', minLevel ? `${minLevel} and above` : ''].filter(Boolean).join(', ');
    item.text = `${icon} ${who}: ${summary.length > 60 ? `${summary.slice(0, 57)}…` : summary}${minLevel ? ` · ≥${minLevel}` : ''}`;
    item.tooltip = `${summary}\n${session.buffer.lineCount} lines shown${session.buffer.dropped ? `, ${session.buffer.dropped} older lines dropped (podscope.logs.maxLines)` : ''}${shown ? `\nShown: ${shown}.` : ''}\nClick to ${live ? 'stop' : 'restart'}.`;
    item.command = live ? STOP_LOGS : RESTART_LOGS;
    item.show();
    void vscode.commands.executeCommand('setContext', 'podscope.logs.streaming', live);
  };
  const subscriptions = [
    item,
    views.onDidChangeState(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  ];
  update();
  return vscode.Disposable.from(...subscriptions);
}
