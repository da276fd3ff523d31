// Colours in a multi-container or workload log view: each `[pod/<pod>/<container>] ` prefix gets its own colour.
import * as vscode from 'vscode';

const PREFIX_COLOURS = ['terminal.ansiCyan', 'terminal.ansiMagenta', 'terminal.ansiYellow', 'terminal.ansiGreen', 'terminal.ansiBlue', 'terminal.ansiRed'];

export class PrefixDecorations implements vscode.Disposable {
  private readonly types = PREFIX_COLOURS.map((c) =>
    vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(c), fontWeight: 'bold' }));

  /** Decorates only the visible lines, so the cost does not grow with the log. */
  decorate(editor: vscode.TextEditor, prefixes: readonly string[]): void {
    if (prefixes.length === 0) return;
    const ranges: vscode.Range[][] = this.types.map(() => []);
    for (const visible of editor.visibleRanges) {
      for (let line = visible.start.line; line <= visible.end.line && line < editor.document.lineCount; line++) {
        const text = editor.document.lineAt(line).text;
        const i = prefixes.findIndex((p) => text.startsWith(p));
        if (i >= 0) ranges[i % ranges.length].push(new vscode.Range(line, 0, line, prefixes[i].length - 1));
      }
    }
    this.types.forEach((d, i) => editor.setDecorations(d, ranges[i]));
  }

  dispose(): void {
    for (const d of this.types) d.dispose();
  }
}
