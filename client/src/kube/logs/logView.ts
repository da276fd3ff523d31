// Log views in the editor area. Each is a read-only file of a FileSystemProvider (scheme podscope-log) whose content
// is a LogSession's buffer. Why a file system and not a TextDocumentContentProvider: on a change VS Code re-reads the
// file and applies only the lines between the common prefix and suffix, so an append stays an append however large the
// log is, where a content provider's update is diffed in a worker and replaced wholesale past 100k characters.
// Updates are batched (at most one re-read per FLUSH_MS), the buffer is capped, and editors that were scrolled to the
// end stay there while following. The document can be searched, copied and saved like any file ("Save As…").
import * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import { clientNodeLogOpener } from './clientNodeLogOpener';
import { containerPrefix } from './logFormat';
import { LogSession, type LogSpec } from './logSession';

export const LOG_SCHEME = 'podscope-log';
export const LOG_LANGUAGE = 'podscope-log';
const FLUSH_MS = 200;
/** Editors within this many lines of the end count as "at the end" and keep following. */
const PIN_SLACK = 2;
const ENDED_TEXT = 'This log view ended when its window closed. Open the logs again from the Pods view.\n';
const PREFIX_COLOURS = ['terminal.ansiCyan', 'terminal.ansiMagenta', 'terminal.ansiYellow', 'terminal.ansiGreen', 'terminal.ansiBlue', 'terminal.ansiRed'];

interface ViewEntry {
  uri: vscode.Uri;
  session: LogSession;
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

export class LogViews implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly entries = new Map<string, ViewEntry>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly stateEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeFile = this.changeEmitter.event;
  /** A view's streaming state changed (for the status bar). */
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly pinned = new WeakMap<vscode.TextEditor, boolean>();
  private readonly prefixDecorations = PREFIX_COLOURS.map((c) =>
    vscode.window.createTextEditorDecorationType({ color: new vscode.ThemeColor(c), fontWeight: 'bold' }));
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly maxLines: () => number) {
    this.disposables.push(
      vscode.workspace.registerFileSystemProvider(LOG_SCHEME, this, { isReadonly: true, isCaseSensitive: true }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScrolled(e.textEditor)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((ed) => this.decorate(ed))),
      vscode.window.tabGroups.onDidChangeTabs((e) => this.onTabsClosed(e.closed)),
    );
  }

  /** Opens (or reuses and restarts) the view for `spec` and starts streaming into it. */
  async show(api: ClusterApi, spec: LogSpec): Promise<vscode.Uri> {
    const uri = logUri(api.contextName, spec);
    const key = uri.toString();
    this.entries.get(key)?.session.stop();
    const entry: ViewEntry = {
      uri, contextName: api.contextName, mtime: Date.now(), size: 0, dirty: false, timer: undefined,
      session: undefined as unknown as LogSession,
    };
    entry.session = new LogSession(
      spec,
      (container) => clientNodeLogOpener(api.kubeConfig, { namespace: spec.namespace, pod: spec.pod, container }),
      {
        changed: () => this.scheduleFlush(entry),
        state: (container, state) => {
          this.stateEmitter.fire(uri);
          // The view may be empty because of this: say why where it will be seen, not only in the status bar.
          if (state.kind === 'failed') {
            void vscode.window.showErrorMessage(`Podscope: logs of ${spec.pod}/${container}: ${state.message}`);
          }
        },
      },
      { maxLines: this.maxLines() },
    );
    this.entries.set(key, entry);
    void entry.session.start();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, LOG_LANGUAGE);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.pinned.set(editor, true);
    return uri;
  }

  sessionOf(uri: vscode.Uri | undefined): LogSession | undefined {
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
    for (const ed of vscode.window.visibleTextEditors) if (ed.document.uri.toString() === uri.toString()) this.pinned.set(ed, true);
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
    for (const d of [...this.disposables, ...this.prefixDecorations, this.changeEmitter, this.stateEmitter]) d.dispose();
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
    const last = new vscode.Position(Math.max(0, doc.lineCount - 1), 0);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      if (this.pinned.get(editor) !== false) editor.revealRange(new vscode.Range(last, last), vscode.TextEditorRevealType.Default);
      this.decorate(editor);
    }
  }

  private onScrolled(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== LOG_SCHEME) return;
    const bottom = editor.visibleRanges.at(-1)?.end.line ?? 0;
    this.pinned.set(editor, bottom >= editor.document.lineCount - 1 - PIN_SLACK);
    this.decorate(editor);
  }

  /** Colours each container's `[pod/<pod>/<container>] ` prefix, only over the visible lines. */
  private decorate(editor: vscode.TextEditor): void {
    const session = this.sessionOf(editor.document.uri);
    if (!session || session.spec.containers.length < 2) return;
    const prefixes = session.spec.containers.map((c) => containerPrefix(session.spec.pod, c));
    const ranges: vscode.Range[][] = this.prefixDecorations.map(() => []);
    for (const visible of editor.visibleRanges) {
      for (let line = visible.start.line; line <= visible.end.line && line < editor.document.lineCount; line++) {
        const text = editor.document.lineAt(line).text;
        const i = prefixes.findIndex((p) => text.startsWith(p));
        if (i >= 0) ranges[i % ranges.length].push(new vscode.Range(line, 0, line, prefixes[i].length - 1));
      }
    }
    this.prefixDecorations.forEach((d, i) => editor.setDecorations(d, ranges[i]));
  }

  /**
   * Closing the last tab of a view ends its stream and frees its text. Tabs, not onDidCloseTextDocument: documents
   * close and reopen when their language is set, and stay open a while after their tab is gone.
   */
  private onTabsClosed(closed: readonly vscode.Tab[]): void {
    const open = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map(tabUri).filter((u) => u !== undefined));
    for (const uri of closed.map(tabUri)) {
      if (!uri || open.has(uri)) continue;
      const entry = this.entries.get(uri);
      if (!entry) continue;
      entry.session.stop();
      if (entry.timer) clearTimeout(entry.timer);
      this.entries.delete(uri);
      this.stateEmitter.fire(entry.uri);
    }
  }
}

function tabUri(tab: vscode.Tab): string | undefined {
  return tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === LOG_SCHEME ? tab.input.uri.toString() : undefined;
}
