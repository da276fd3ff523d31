// Documents for the suite: files of the workspace folder the launcher opened (test/extensionHost/suite/workspace)
// and untitled YAML documents for tests that edit text, so no fixture on disk ever changes.
import * as vscode from 'vscode';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor has no workspace folder open; the launcher must open test/extensionHost/suite/workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  if (doc.languageId !== 'yaml') throw new Error(`${name} opened as ${doc.languageId}, not yaml`);
  return doc;
}

export async function openUntitledYaml(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'yaml', content });
}

/** Range of the `occurrence`-th (0-based) match of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times in ${doc.uri.toString()}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Position just after the match of `needle`: where a user who typed it has the cursor. */
export function endOf(doc: vscode.TextDocument, needle: string): vscode.Position {
  return rangeOf(doc, needle).end;
}

export async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!await vscode.workspace.applyEdit(edit)) throw new Error(`could not edit ${doc.uri.toString()}`);
}
