// Editors VS Code restores with a reloaded window (log views, container files) ask for their scheme's file system
// while the window opens — before the pod explorer has started — and VS Code does not ask again: the editor would
// stay an error. So activation (`onFileSystem:<scheme>` in package.json) registers a stand-in for each scheme, which
// waits for the cluster features and hands every call to their provider. In Restricted Mode, or when the explorer
// could not start, the call fails with why.
import * as vscode from 'vscode';
import { FILE_SYSTEM_SCHEMES } from './kube/fileSystemSchemes';

/** The cluster features' file systems, by scheme. */
export type FileSystems = ReadonlyMap<string, vscode.FileSystemProvider>;

const RESTRICTED = 'Podscope\'s pod explorer is off in Restricted Mode, so this file cannot be read. Trust this folder to use it.';

export class FileSystemRouter implements vscode.Disposable {
  private fileSystems: Promise<FileSystems> | undefined;
  /** Settles with the file systems once served (never in a folder left untrusted). */
  private readonly served: Promise<FileSystems>;
  private markServed!: (fileSystems: Promise<FileSystems>) => void;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.served = new Promise((resolve) => { this.markServed = resolve; });
    for (const scheme of FILE_SYSTEM_SCHEMES) {
      this.disposables.push(vscode.workspace.registerFileSystemProvider(scheme, this.standIn(scheme), { isReadonly: true, isCaseSensitive: true }));
    }
  }

  /** The file systems, once the cluster features start (in a trusted folder); a rejection means they could not. */
  serve(fileSystems: Promise<FileSystems>): void {
    fileSystems.catch(() => undefined);
    this.fileSystems = fileSystems;
    this.markServed(fileSystems);
  }

  private async provider(scheme: string): Promise<vscode.FileSystemProvider> {
    if (!this.fileSystems) throw vscode.FileSystemError.Unavailable(RESTRICTED);
    let provider: vscode.FileSystemProvider | undefined;
    try {
      provider = (await this.fileSystems).get(scheme);
    } catch (err) {
      throw vscode.FileSystemError.Unavailable(`Podscope's pod explorer could not start, so this file cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!provider) throw vscode.FileSystemError.Unavailable(`Podscope has no file system for ${scheme}:`);
    return provider;
  }

  private standIn(scheme: string): vscode.FileSystemProvider {
    const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
    this.disposables.push(changed);
    // The provider's change events (a log view's appended lines) reach VS Code through the stand-in.
    this.served.then((fileSystems) => {
      const subscription = fileSystems.get(scheme)?.onDidChangeFile((events) => changed.fire(events));
      if (subscription) this.disposables.push(subscription);
    }, () => undefined);
    const call = async <T>(use: (provider: vscode.FileSystemProvider) => T | Thenable<T>): Promise<T> => use(await this.provider(scheme));
    return {
      onDidChangeFile: changed.event,
      watch: (uri, options) => {
        let watching: vscode.Disposable | undefined;
        let disposed = false;
        call((p) => p.watch(uri, options)).then((w) => { if (disposed) w.dispose(); else watching = w; }, () => undefined);
        return new vscode.Disposable(() => { disposed = true; watching?.dispose(); });
      },
      stat: (uri) => call((p) => p.stat(uri)),
      readDirectory: (uri) => call((p) => p.readDirectory(uri)),
      readFile: (uri) => call((p) => p.readFile(uri)),
      createDirectory: (uri) => call((p) => p.createDirectory(uri)),
      writeFile: (uri, content, options) => call((p) => p.writeFile(uri, content, options)),
      delete: (uri, options) => call((p) => p.delete(uri, options)),
      rename: (from, to, options) => call((p) => p.rename(from, to, options)),
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
