// Just enough of the `vscode` module for the pod tree's glue (index.ts, podTreeProvider.ts, podTreeCommands.ts) and the
// apply commands to run in plain Node: records commands, context keys, tree views and messages, and answers questions
// from a script, so a test can drive and inspect them.
type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => { this.listeners.push(l); return { dispose: () => { this.listeners = this.listeners.filter((x) => x !== l); } }; };
  fire(e: T): void { for (const l of [...this.listeners]) l(e); }
  dispose(): void { this.listeners = []; }
}

export enum TreeItemCollapsibleState { None = 0, Collapsed = 1, Expanded = 2 }

export class TreeItem {
  id?: string;
  description?: string;
  contextValue?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  constructor(readonly label: string, readonly collapsibleState: TreeItemCollapsibleState) {}
}

export class ThemeColor { constructor(readonly id: string) {} }
export class ThemeIcon { constructor(readonly id: string, readonly color?: ThemeColor) {} }
export class MarkdownString { constructor(readonly value: string) {} }
export class RelativePattern { constructor(readonly base: unknown, readonly pattern: string) {} }
export const Uri = {
  file: (fsPath: string) => ({ fsPath }),
  from: (parts: { scheme: string; path: string }) => ({ ...parts, toString: () => `${parts.scheme}:${parts.path}` }),
};
export class Disposable {
  constructor(private readonly onDispose: () => void) {}
  dispose(): void { this.onDispose(); }
}
export class FileSystemError extends Error {
  static Unavailable(message: string): FileSystemError { return new FileSystemError(message); }
}
export enum ProgressLocation { SourceControl = 1, Window = 10, Notification = 15 }

export const recorded = {
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  contextKeys: new Map<string, unknown>(),
  views: [] as { id: string; provider: unknown; view: FakeTreeView; canSelectMany: boolean }[],
  terminals: [] as { name: string; pty: unknown }[],
  /** Every progress message reported to a notification. */
  progress: [] as string[],
  settings: new Map<string, unknown>(),
  /** Text document content providers, by scheme. */
  contentProviders: new Map<string, { provideTextDocumentContent(uri: unknown): string }>(),
  fileSystems: new Map<string, unknown>(),
  /** Every document shown in an editor, in order. */
  shownDocuments: [] as { uri: { toString(): string }; getText(): string }[],
  /** Fire with a document to act as VS Code closing it. */
  closeDocument: new EventEmitter<{ uri: { scheme: string; toString(): string } }>(),
  /** Every message shown, as `error|warning|info: text`. */
  messages: [] as string[],
  /**
   * The user's next answers to messages, quick picks and input boxes, in order: a value, or a function of what was
   * offered (the actions or items) returning the choice. With none left, the user dismisses (undefined).
   */
  answers: [] as unknown[],
};

/** The tree view last created with this id (the explorer makes two: Pods and Events). */
export function latestView(id: string): (typeof recorded.views)[number] | undefined {
  return [...recorded.views].reverse().find((v) => v.id === id);
}

function answer(offered: unknown): unknown {
  const next = recorded.answers.shift();
  return typeof next === 'function' ? (next as (o: unknown) => unknown)(offered) : next;
}

function message(kind: string) {
  return async (text: string, ...rest: unknown[]) => {
    recorded.messages.push(`${kind}: ${text}`);
    return answer(rest.filter((r) => typeof r === 'string'));
  };
}

export class FakeTreeView {
  message: string | undefined;
  description: string | undefined;
  visible = true;
  /** Fire these to act as the user opening or closing a node. */
  readonly expand = new EventEmitter<{ element: unknown }>();
  readonly collapse = new EventEmitter<{ element: unknown }>();
  readonly onDidExpandElement = this.expand.event;
  readonly onDidCollapseElement = this.collapse.event;
  readonly onDidChangeVisibility = new EventEmitter<{ visible: boolean }>().event;
  revealed: unknown[] = [];
  async reveal(element: unknown): Promise<void> { this.revealed.push(element); }
  dispose(): void {}
}

export const window = {
  createTreeView(id: string, options: { treeDataProvider: unknown; canSelectMany?: boolean }) {
    const view = new FakeTreeView();
    recorded.views.push({ id, provider: options.treeDataProvider, view, canSelectMany: options.canSelectMany ?? false });
    return view;
  },
  activeTextEditor: undefined as unknown,
  showErrorMessage: message('error'),
  showWarningMessage: message('warning'),
  showInformationMessage: message('info'),
  showQuickPick: async (items: unknown) => answer(await items),
  showInputBox: async () => answer(undefined),
  /** Answered like the rest: a Uri (save) or a list of them (open), or undefined (cancelled). */
  showSaveDialog: async (options: unknown) => answer(options),
  showOpenDialog: async (options: unknown) => answer(options),
  setStatusBarMessage: (text: string) => { recorded.messages.push(`status: ${text}`); return { dispose() {} }; },
  withProgress<T>(_options: unknown, task: (progress: { report(p: { message?: string }): void }, token: { onCancellationRequested(l: () => void): void }) => Promise<T>) {
    return task({ report: (p) => { if (p.message) recorded.progress.push(p.message); } }, { onCancellationRequested: () => undefined });
  },
  async showTextDocument(doc: (typeof recorded.shownDocuments)[number]) {
    recorded.shownDocuments.push(doc);
    return { document: doc };
  },
  createTerminal(options: { name: string; pty: unknown }) {
    recorded.terminals.push(options);
    return { name: options.name, show() {}, dispose() {} };
  },
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
    recorded.commands.set(id, fn);
    return { dispose: () => recorded.commands.delete(id) };
  },
  async executeCommand(id: string, ...args: unknown[]) {
    if (id === 'setContext') { recorded.contextKeys.set(args[0] as string, args[1]); return undefined; }
    return recorded.commands.get(id)?.(...args);
  },
};

export const workspace = {
  getConfiguration: (section?: string) => ({ get: <T>(key: string) => recorded.settings.get(section ? `${section}.${key}` : key) as T | undefined }),
  onDidChangeConfiguration: () => ({ dispose() {} }),
  createFileSystemWatcher: () => ({ onDidChange() {}, onDidCreate() {}, onDidDelete() {}, dispose() {} }),
  registerTextDocumentContentProvider(scheme: string, provider: { provideTextDocumentContent(uri: unknown): string }) {
    recorded.contentProviders.set(scheme, provider);
    return { dispose: () => recorded.contentProviders.delete(scheme) };
  },
  registerFileSystemProvider(scheme: string, provider: unknown) {
    recorded.fileSystems.set(scheme, provider);
    return { dispose: () => recorded.fileSystems.delete(scheme) };
  },
  onDidCloseTextDocument: recorded.closeDocument.event,
  /** A virtual document reads its provider's text whenever asked, as VS Code re-reads it on onDidChange. */
  async openTextDocument(uri: { scheme: string; toString(): string }) {
    const provider = recorded.contentProviders.get(uri.scheme);
    if (!provider) throw new Error(`no content provider for ${uri.scheme}`);
    return { uri, getText: () => provider.provideTextDocumentContent(uri) };
  },
};
