// A read-only view of a container's files under the `podscope-container:` scheme, so a file opens in an ordinary
// editor (syntax colouring, search, copy) and a folder can sit in the Explorer. Every read is an exec in the
// container (see containerListing.ts); nothing is cached, so what opens is what is there now.
import * as vscode from 'vscode';
import type { ClusterApi } from '../cluster/clusterApi';
import { execIn, type RunInContainer } from './containerProcess';
import { ContainerPathError, listDirectory, readContainerFile, statPath, type ContainerFileType } from './containerListing';
import { CONTAINER_SCHEME, containerAuthority, parseContainerLocation, type ContainerLocation } from './containerUri';

export function containerUri(at: ContainerLocation): vscode.Uri {
  return vscode.Uri.from({ scheme: CONTAINER_SCHEME, authority: containerAuthority(at), path: at.path });
}

function fileType(type: ContainerFileType, symlink = false): vscode.FileType {
  const base = type === 'directory' ? vscode.FileType.Directory : type === 'file' ? vscode.FileType.File : vscode.FileType.Unknown;
  return symlink ? base | vscode.FileType.SymbolicLink : base;
}

export class ContainerFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly apiFor: (contextName: string) => ClusterApi | undefined) {}

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { run, path } = this.target(uri);
    const s = await this.read(uri, () => statPath(run, path));
    return { type: fileType(s.type), size: s.size, mtime: s.mtime, ctime: s.mtime, permissions: vscode.FilePermission.Readonly };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { run, path } = this.target(uri);
    const entries = await this.read(uri, () => listDirectory(run, path));
    return entries.map((e) => [e.name, fileType(e.type, e.symlink)]);
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { run, path } = this.target(uri);
    return this.read(uri, () => readContainerFile(run, path));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never { throw vscode.FileSystemError.NoPermissions(uri); }
  writeFile(uri: vscode.Uri): never { throw vscode.FileSystemError.NoPermissions(uri); }
  delete(uri: vscode.Uri): never { throw vscode.FileSystemError.NoPermissions(uri); }
  rename(uri: vscode.Uri): never { throw vscode.FileSystemError.NoPermissions(uri); }

  private target(uri: vscode.Uri): { run: RunInContainer; path: string } {
    const at = parseContainerLocation(uri.authority, uri.path);
    if (!at) throw vscode.FileSystemError.FileNotFound(uri);
    const api = this.apiFor(at.contextName);
    if (!api) throw vscode.FileSystemError.Unavailable(`context "${at.contextName}" is no longer in the kubeconfig`);
    return { run: execIn(api, at), path: at.path };
  }

  private async read<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ContainerPathError && err.notFound) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(err instanceof Error ? err.message : String(err));
    }
  }
}
