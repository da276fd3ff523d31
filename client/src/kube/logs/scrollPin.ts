// Follow mode for log editors: an editor scrolled to (near) the end stays at the end as lines arrive; one the user
// scrolled up stays where it is.
import * as vscode from 'vscode';

/** Editors within this many lines of the end count as "at the end" and keep following. */
const PIN_SLACK = 2;

export class ScrollPins {
  private readonly pinned = new WeakMap<vscode.TextEditor, boolean>();

  pin(editor: vscode.TextEditor): void {
    this.pinned.set(editor, true);
  }

  /** The document grew: pinned editors reveal its last line. */
  followEnd(editor: vscode.TextEditor): void {
    if (this.pinned.get(editor) === false) return;
    const last = new vscode.Position(Math.max(0, editor.document.lineCount - 1), 0);
    editor.revealRange(new vscode.Range(last, last), vscode.TextEditorRevealType.Default);
  }

  /** The user scrolled: the editor follows again exactly when its last visible line is near the end. */
  scrolled(editor: vscode.TextEditor): void {
    const bottom = editor.visibleRanges.at(-1)?.end.line ?? 0;
    this.pinned.set(editor, bottom >= editor.document.lineCount - 1 - PIN_SLACK);
  }
}
