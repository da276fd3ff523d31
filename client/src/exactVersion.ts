// The exact layer's client side: tells the language server which Kubernetes version the
// explorer's current context runs (for `podscope.kubernetesVersion: auto`), and shows in the status
// bar which version the active file was checked against.
import * as vscode from 'vscode';
import {
  CLUSTER_VERSION_NOTIFICATION, EXACT_STATUS_NOTIFICATION, type ClusterVersionParams, type ExactStatusParams,
} from '../../server/src/shared/protocol';
import type { Explorer } from './kube';
import type { LanguageClientHandle } from './lsp/client';

/** How often the current context is looked at: a context switch in the explorer is seen within this. */
const CONTEXT_POLL_MS = 5_000;
const VERSION_TIMEOUT_MS = 5_000;

export function startExactVersion(explorerNow: () => Explorer | undefined, lsp: LanguageClientHandle): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('podscope.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Podscope: Kubernetes version';
  const byUri = new Map<string, ExactStatusParams>();
  const render = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? byUri.get(uri) : undefined;
    if (!s) { item.hide(); return; }
    const state = s.state === 'ready' ? '$(check)' : s.state === 'loading' ? '$(sync~spin)' : '$(circle-slash)';
    item.text = `${state} K8s ${s.version ?? 'engine only'}`;
    item.tooltip = `Podscope checks this file against kube-apiserver ${s.version ?? '(none)'}: ${s.reason} (state: ${s.state}). Setting: podscope.kubernetesVersion.`;
    item.show();
  };
  let lastContext: string | undefined;
  let sent: string | undefined = '\u0000';
  const poll = async () => {
    const explorer = explorerNow();
    const context = explorer?.connection?.activeContext();
    if (context === lastContext && sent !== '\u0000') return;
    lastContext = context;
    const gitVersion = explorer && context ? await clusterVersion(explorer, context) : undefined;
    if (gitVersion === sent) return;
    sent = gitVersion;
    await lsp.client.sendNotification(CLUSTER_VERSION_NOTIFICATION, { ...(gitVersion ? { gitVersion } : {}) } satisfies ClusterVersionParams);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  void lsp.ready.then(() => {
    if (!lsp.client.isRunning()) return;
    lsp.client.onNotification(EXACT_STATUS_NOTIFICATION, (p: ExactStatusParams) => { byUri.set(p.uri, p); render(); });
    const tick = () => { poll().catch(() => undefined); };
    tick();
    timer = setInterval(tick, CONTEXT_POLL_MS);
  });
  const editors = vscode.window.onDidChangeActiveTextEditor(render);
  return { dispose: () => { if (timer) clearInterval(timer); editors.dispose(); item.dispose(); } };
}

/** The context's API server version, or undefined when it does not answer in time. */
async function clusterVersion(explorer: Explorer, context: string): Promise<string | undefined> {
  const api = explorer.apiFor(context);
  if (!api) return undefined;
  try {
    const r = await api.request('/version', { timeoutMs: VERSION_TIMEOUT_MS });
    return r.status === 200 ? (JSON.parse(r.body) as { gitVersion?: string }).gitVersion : undefined;
  } catch {
    return undefined;
  }
}
