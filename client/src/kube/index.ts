// Pod explorer entry point (tree, logs, exec, actions). Filled in by the explorer work.
import type * as vscode from 'vscode';

export interface Explorer extends vscode.Disposable {}

export async function startExplorer(_context: vscode.ExtensionContext): Promise<Explorer> {
  return { dispose() {} };
}
