// Pod details as read-only virtual documents (scheme podscope-details), one per pod, kept live by PodDetailsTracker.
// VS Code applies a changed text as minimal edits, so a redraw keeps the user's scroll position and selection.
import * as vscode from 'vscode';
import { podDocumentUri } from '../actions/readOnlyDocuments';
import type { PodTreeModel } from '../tree/treeModel';
import type { DetailsSection } from './detailsSection';
import { PodDetailsTracker } from './podDetailsTracker';
import type { PodRef } from './watchedPod';

export const DETAILS_SCHEME = 'podscope-details';

/** Relative times ("5m ago") move; open documents are redrawn this often (and only changed ones reach the editor). */
const AGE_REFRESH_MS = 30_000;

export class PodDetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly uris = new Map<string, vscode.Uri>();
  readonly tracker: PodDetailsTracker;
  private readonly disposables: vscode.Disposable[];
  /** Runs only while a document is open: no idle work, and nothing keeps a test process alive. */
  private ageTimer: ReturnType<typeof setInterval> | undefined;

  constructor(model: PodTreeModel) {
    this.tracker = new PodDetailsTracker(model, (key) => {
      const uri = this.uris.get(key);
      if (uri) this.changeEmitter.fire(uri);
    });
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== DETAILS_SCHEME) return;
        this.tracker.close(doc.uri.toString());
        this.uris.delete(doc.uri.toString());
        if (this.tracker.openCount === 0) this.stopAgeTimer();
      }),
      { dispose: () => this.stopAgeTimer() },
    ];
  }

  /** Opens (or brings forward) the details of a pod. */
  async show(ref: PodRef): Promise<void> {
    const uri = podDocumentUri(DETAILS_SCHEME, ref.contextName, ref.namespace, ref.name, '.details');
    this.follow(uri, ref);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  }

  /** The seam for more sections (metrics): every open and future document draws it. */
  addSection(section: DetailsSection): vscode.Disposable {
    return this.tracker.addSection(section);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.toString();
    const known = this.tracker.text(key);
    if (known !== undefined) return known;
    // A document VS Code reopened by itself (a restored editor): follow the pod its path names.
    const ref = refOf(uri);
    if (!ref) return '';
    return this.follow(uri, ref);
  }

  private follow(uri: vscode.Uri, ref: PodRef): string {
    this.uris.set(uri.toString(), uri);
    this.ageTimer ??= setInterval(() => this.tracker.redrawAll(), AGE_REFRESH_MS);
    return this.tracker.open(uri.toString(), ref);
  }

  private stopAgeTimer(): void {
    if (this.ageTimer !== undefined) clearInterval(this.ageTimer);
    this.ageTimer = undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.tracker.dispose();
    this.changeEmitter.dispose();
  }
}

/** `/<context>/<namespace>/<pod>.details`; a context name may hold slashes (EKS ARNs), namespaces and pods cannot. */
export function refOf(uri: { path: string }): PodRef | undefined {
  const parts = uri.path.replace(/^\//, '').split('/');
  const file = parts.pop();
  const namespace = parts.pop();
  if (!file?.endsWith('.details') || !namespace || parts.length === 0) return undefined;
  return { contextName: parts.join('/'), namespace, name: file.slice(0, -'.details'.length) };
}
