// Read-only editor documents for `describe` and the pod's YAML: virtual documents whose text is fetched on open and
// on "Refresh", never written back to the cluster.
import * as vscode from 'vscode';

export const DESCRIBE_SCHEME = 'podscope-describe';
export const YAML_SCHEME = 'podscope-yaml';
/** The two sides of an apply's diff (live, and the dry run's result). */
export const DIFF_SCHEME = 'podscope-diff';

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly loaders = new Map<string, () => Promise<string>>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly registrations = [DESCRIBE_SCHEME, YAML_SCHEME, DIFF_SCHEME].map((s) => vscode.workspace.registerTextDocumentContentProvider(s, this));

  /** Loads the text (errors propagate to the caller), then opens it read-only. */
  async show(uri: vscode.Uri, load: () => Promise<string>, language?: string): Promise<void> {
    const key = uri.toString();
    this.contents.set(key, await load());
    this.loaders.set(key, load);
    this.changeEmitter.fire(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (language && doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  /** Sets the text of a document without opening it (a diff editor opens both sides itself). */
  put(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changeEmitter.fire(uri);
  }

  async refresh(uri: vscode.Uri): Promise<void> {
    const load = this.loaders.get(uri.toString());
    if (!load) return;
    this.contents.set(uri.toString(), await load());
    this.changeEmitter.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.changeEmitter.dispose();
  }
}

export function podDocumentUri(scheme: string, contextName: string, namespace: string, pod: string, suffix: string): vscode.Uri {
  return vscode.Uri.from({ scheme, path: `/${contextName}/${namespace}/${pod}${suffix}` });
}
