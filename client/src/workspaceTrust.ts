// Restricted Mode: Podscope declares limited support (package.json `capabilities.untrustedWorkspaces`). Checking
// manifests is text in, findings out and runs anyway; the pod explorer and its actions read kubeconfig files, run
// their credential plugins and contact clusters, so they start only once the folder is trusted.
import type * as vscode from 'vscode';

export interface TrustSource {
  readonly isTrusted: boolean;
  onDidGrantWorkspaceTrust(listener: () => unknown): vscode.Disposable;
}

/**
 * Runs `start` now when the workspace is trusted, else when trust is granted (VS Code has no way to revoke it without
 * a reload). The returned disposable drops the pending start.
 */
export function startWhenTrusted(trust: TrustSource, start: () => Promise<void>): { started: Promise<void> | undefined; pending: vscode.Disposable } {
  if (trust.isTrusted) return { started: start(), pending: { dispose() {} } };
  const pending = trust.onDidGrantWorkspaceTrust(() => {
    pending.dispose();
    void start();
  });
  return { started: undefined, pending };
}
