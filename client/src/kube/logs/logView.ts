// Log views in the editor area. Each is a read-only file of a FileSystemProvider (scheme podscope-log) whose content
// is a LogSession's buffer. Why a file system and not a TextDocumentContentProvider: on a change VS Code re-reads the
// file and applies only the lines between the common prefix and suffix, so an append stays an append however large the
// log is, where a content provider's update is diffed in a worker and replaced wholesale past 100k characters.
// Updates are batched (at most one re-read per FLUSH_MS), the buffer is capped, and editors that were scrolled to the
// end stay there while following. The document can be searched, copied and saved like any file ("Save As…").
import * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import { clientNodeLogOpener } from './clientNodeLogOpener';
import type { LogPresentation } from './logPresentation';
import { LogSession, type LogSpec } from './logSession';
import type { LogSessionListener, LogViewSession } from './logViewSession';
import { PrefixDecorations } from './prefixDecorations';
import { ScrollPins } from './scrollPin';
import { onLastTabClosed } from './tabLifetime';
import { reportProblem, warn } from '../../notify';

import { LOG_SCHEME } from '../fileSystemSchemes';
export { LOG_SCHEME };
export const LOG_LANGUAGE = 'podscope-log';
const FLUSH_MS = 200;
const ENDED_TEXT = 'This log view ended when its window closed. Open the logs again from the Pods view.\n';

/** What every session of a view gets from the settings. */
export interface ViewSessionOptions {
  maxLines: number;
  presentation: LogPresentation;
}

interface ViewEntry {
  uri: vscode.Uri;
  session: LogViewSession;
  contextName: string;
  mtime: number;
  size: number;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function logUri(contextName: string, spec: LogSpec): vscode.Uri {
  const which = spec.containers.length > 1 ? 'all-containers' : spec.containers[0];
  const file = `${spec.pod}.${which}${spec.previous ? '.previous' : ''}.log`;
  return vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${contextName}/${spec.namespace}/${file}` });
}

/** A stream as the user knows it: a workload session names `pod/container` already, a pod session the container. */
function qualified(session: LogViewSession, stream: string): string {
  return session instanceof LogSession ? `${session.spec.pod}/${stream}` : stream;
}

export class LogViews implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, ViewEntry>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly stateEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeFile = this.changeEmitter.event;
  /** A view's streaming state changed (for the status bar). */
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly pins = new ScrollPins();
  private readonly prefixes = new PrefixDecorations();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly maxLines: () => number, private readonly presentation: () => LogPresentation) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScrolled(e.textEditor)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((ed) => this.decorate(ed))),
      onLastTabClosed(LOG_SCHEME, (uri) => this.ended(uri)),
    );
  }

  /** Opens (or reuses and restarts) the view for `spec` and starts streaming into it. */
  show(api: ClusterApi, spec: LogSpec): Promise<vscode.Uri> {
    return this.open(logUri(api.contextName, spec), api.contextName, (listener) => new LogSession(
      spec,
      (container) => clientNodeLogOpener(api, { namespace: spec.namespace, pod: spec.pod, container }),
      listener,
      { maxLines: this.maxLines(), presentation: this.presentation() },
    ));
  }

  /** Opens (or reuses and restarts) the view at `uri` over the session `make` builds, and starts streaming into it. */
  async open(uri: vscode.Uri, contextName: string, make: (listener: LogSessionListener, options: ViewSessionOptions) => LogViewSession): Promise<vscode.Uri> {
    const key = uri.toString();
    this.entries.get(key)?.session.stop();
    const entry: ViewEntry = {
      uri, contextName, mtime: Date.now(), size: 0, dirty: false, timer: undefined,
      session: undefined as unknown as LogViewSession,
    };
    entry.session = make({
      changed: () => this.scheduleFlush(entry),
      state: (stream, state) => {
        this.stateEmitter.fire(uri);
        // The view may be empty because of this: say why where it will be seen, not only in the status bar.
        if (state.kind === 'failed') reportProblem(`logs of ${qualified(entry.session, stream)}: ${state.message}`);
      },
      notice: (text) => warn(text),
    }, { maxLines: this.maxLines(), presentation: this.presentation() });
    this.entries.set(key, entry);
    void entry.session.start();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, LOG_LANGUAGE);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.pins.pin(editor);
    return uri;
  }

  sessionOf(uri: vscode.Uri | undefined): LogViewSession | undefined {
    return uri ? this.entries.get(uri.toString())?.session : undefined;
  }

  stop(uri: vscode.Uri): void {
    this.sessionOf(uri)?.stop();
    this.stateEmitter.fire(uri);
  }

  restart(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    void entry.session.start();
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === uri.toString()) this.pins.pin(ed);
  }

  /** Shows a view's log another way (JSON rendering, level filter): the log is read again and presented anew. */
  represent(uri: vscode.Uri, presentation: LogPresentation): void {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    void entry.session.represent(presentation);
    this.stateEmitter.fire(uri);
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === uri.toString()) this.pins.pin(ed);
  }

  /** The whole text of a view, for "Save Log As…". */
  text(uri: vscode.Uri): string | undefined {
    return this.sessionOf(uri)?.buffer.text();
  }

  // FileSystemProvider: one read-only file per view.
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.entries.get(uri.toString());
    if (!entry) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: ENDED_TEXT.length };
    return { type: vscode.FileType.File, ctime: 0, mtime: entry.mtime, size: entry.size };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.entries.get(uri.toString());
    // A view restored with the window has no stream behind it any more: say so rather than fail to open.
    if (!entry) return Buffer.from(ENDED_TEXT, 'utf8');
    const bytes = Buffer.from(entry.session.buffer.text(), 'utf8');
    entry.size = bytes.length;
    return bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const e of this.entries.values()) {
      e.session.stop();
      if (e.timer) clearTimeout(e.timer);
    }
    this.entries.clear();
    for (const d of [...this.disposables, this.prefixes, this.changeEmitter, this.stateEmitter]) d.dispose();
  }

  private scheduleFlush(entry: ViewEntry): void {
    entry.dirty = true;
    if (entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!entry.dirty) return;
      entry.dirty = false;
      // mtime must move forward or VS Code keeps its cached copy.
      entry.mtime = Math.max(Date.now(), entry.mtime + 1);
      this.changeEmitter.fire([{ type: vscode.FileChangeType.Changed, uri: entry.uri }]);
    }, FLUSH_MS);
  }

  private onDocumentChanged(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== LOG_SCHEME) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      this.pins.followEnd(editor);
      this.decorate(editor);
    }
  }

  private onScrolled(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== LOG_SCHEME) return;
    this.pins.scrolled(editor);
    this.decorate(editor);
  }

  private decorate(editor: vscode.TextEditor): void {
    const session = this.sessionOf(editor.document.uri);
    if (session) this.prefixes.decorate(editor, session.prefixes());
  }

  /** Closing the last tab of a view ends its stream and frees its text. */
  private ended(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.session.stop();
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
    this.stateEmitter.fire(entry.uri);
  }
}
