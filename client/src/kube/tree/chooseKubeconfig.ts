// "Choose Kubeconfig…": pick the kubeconfig file(s) the explorer reads and store them in podscope.kubeconfig. The
// explorer follows the setting's change event (contexts re-loaded, the tree's state kept where it still applies).
// The setting is machine-scoped: in a remote window (SSH, containers, code-server) it is the remote machine's setting
// and the files are the remote machine's files, which is also where the dialog looks.
import { delimiter } from 'node:path';
import * as vscode from 'vscode';
import { SECTION } from '../../config';

export async function chooseKubeconfig(): Promise<void> {
  const current = vscode.workspace.getConfiguration(SECTION).get<string>('kubeconfig') ?? '';
  const first = current.split(delimiter).find((p) => p.trim() !== '');
  const picked = await vscode.window.showOpenDialog({
    title: 'Kubeconfig file(s) for the Podscope explorer',
    openLabel: 'Use',
    canSelectMany: true,
    canSelectFiles: true,
    canSelectFolders: false,
    defaultUri: first ? vscode.Uri.file(first) : undefined,
  });
  if (!picked || picked.length === 0) return;
  const value = kubeconfigSetting(picked.map((u) => u.fsPath));
  await vscode.workspace.getConfiguration(SECTION).update('kubeconfig', value, vscode.ConfigurationTarget.Global);
}

/** Several files are joined as KUBECONFIG joins them, so the setting reads like the variable. */
export function kubeconfigSetting(paths: readonly string[]): string {
  return paths.join(delimiter);
}
