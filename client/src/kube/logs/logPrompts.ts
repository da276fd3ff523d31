// The keyboard-friendly choices behind "Show Logs with Options…": one multi-select for the switches, then an input
// box only for the values that were switched on (tail lines, since).
import * as vscode from 'vscode';
import { durationError, parseDuration, tailError, type LogDefaults } from './logDefaults';

export interface LogOptionAnswers {
  follow: boolean;
  timestamps: boolean;
  previous: boolean;
  tailLines: number | undefined;
  sinceSeconds: number | undefined;
}

type Key = 'follow' | 'timestamps' | 'previous' | 'tail' | 'since';

export async function askLogOptions(defaults: LogDefaults, previousAvailable: boolean, title: string): Promise<LogOptionAnswers | undefined> {
  const items: (vscode.QuickPickItem & { key: Key })[] = [
    { key: 'follow', label: 'Follow', description: 'keep streaming new lines', picked: defaults.follow },
    { key: 'timestamps', label: 'Timestamps', description: 'prefix each line with its RFC3339 time', picked: defaults.timestamps },
    { key: 'tail', label: 'Last N lines…', description: defaults.tailLines ? `now ${defaults.tailLines}` : 'now the whole log', picked: defaults.tailLines !== undefined },
    { key: 'since', label: 'Since…', description: 'only lines newer than a duration, e.g. 10m', picked: defaults.sinceSeconds !== undefined },
  ];
  if (previousAvailable) {
    items.push({ key: 'previous', label: 'Previous instance', description: 'the log of the container before its last restart', picked: false });
  }
  const picked = await vscode.window.showQuickPick(items, { title, canPickMany: true, placeHolder: 'Space toggles, Enter shows the log' });
  if (!picked) return undefined;
  const on = new Set(picked.map((p) => p.key));
  let tailLines: number | undefined;
  if (on.has('tail')) {
    const text = await vscode.window.showInputBox({
      title: `${title}: number of lines`, value: String(defaults.tailLines ?? 1000), validateInput: tailError,
    });
    if (text === undefined) return undefined;
    tailLines = text.trim() ? Number(text.trim()) : undefined;
  }
  let sinceSeconds: number | undefined;
  if (on.has('since')) {
    const text = await vscode.window.showInputBox({ title: `${title}: since (30s, 5m, 2h, 1h30m)`, value: '10m', validateInput: durationError });
    if (text === undefined) return undefined;
    sinceSeconds = parseDuration(text);
  }
  return { follow: on.has('follow'), timestamps: on.has('timestamps'), previous: on.has('previous'), tailLines, sinceSeconds };
}
