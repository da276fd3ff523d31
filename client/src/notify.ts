// The one place that words a message for the user. Every message starts "Podscope:"; a failure says what we were
// doing and the cluster's own reason (its Status message, the refused TLS certificate, the timeout), the same way for
// every command.
import * as vscode from 'vscode';
import { describeConnectionError, problemLabel } from './kube/cluster/connectionError';

const PREFIX = 'Podscope: ';

/** `Podscope: deleting pod "web" failed: Forbidden (403): pods "web" is forbidden: ...` */
export function failureText(doing: string, err: unknown): string {
  return `${PREFIX}${doing} failed: ${problemLabel(describeConnectionError(err))}`;
}

export function reportFailure(doing: string, err: unknown): void {
  void vscode.window.showErrorMessage(failureText(doing, err));
}

/** A problem that is no exception: nothing to act on, a target that is gone. */
export function reportProblem(text: string): void {
  void vscode.window.showErrorMessage(PREFIX + text);
}

export function warn(text: string): void {
  void vscode.window.showWarningMessage(PREFIX + text);
}

export function inform<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(PREFIX + text, ...actions);
}

/** For progress titles, which carry the same prefix as messages. */
export function titled(text: string): string {
  return PREFIX + text;
}
