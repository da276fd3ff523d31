// Copy From Container…, Copy To Container… and Browse Container Files… as commands, on a container (or a pod: then
// its container is asked for) in the Pods view or from the palette. The flows (pickers, progress, messages) are here;
// the copying is in copyFromContainer.ts and copyToContainer.ts, the browsing in containerFileSystem.ts.
import * as path from 'node:path';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { inform, reportFailure, reportProblem, titled, warn } from '../../notify';
import { execBlocker } from '../exec/execPreflight';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolveContainer, type ResolvedContainer } from '../pod/targetPicker';
import { containerUri } from './containerFileSystem';
import { listDirectory } from './containerListing';
import { execIn, type RunInContainer } from './containerProcess';
import { copyFromContainer } from './copyFromContainer';
import { formatBytes, progressReporter } from './copyProgress';
import type { CopyControl } from './copyStop';
import { copyToContainer } from './copyToContainer';
import { watchPodDeletion } from '../pod/podDeletion';
import { CopyCancelledError, CopyError } from './tarFailure';

export interface CopyCommandContext {
  deps: PodActionDeps;
}

/** A running container of the argument's pod, with a runner for it; undefined (after saying why) when there is none. */
async function runningContainer(arg: unknown, deps: PodActionDeps, title: string): Promise<{ r: ResolvedContainer; run: RunInContainer; label: string } | undefined> {
  const r = await resolveContainer(arg, deps, title, (c) => c.state === 'Running', 'no container is running');
  if (!r) return undefined;
  const blocker = execBlocker(r.target.pod, r.container.name);
  if (blocker) {
    reportProblem(`cannot reach the files of ${r.target.name}: ${blocker}.`);
    return undefined;
  }
  const run = execIn(r.api, { namespace: r.target.namespace, pod: r.target.name, container: r.container.name });
  return { r, run, label: `${r.target.name}/${r.container.name}` };
}

/** Runs a copy under a cancellable progress notification; says how it ended. */
async function withCopyProgress<T>(title: string, doing: string, r: ResolvedContainer, copy: (control: CopyControl) => Promise<T>): Promise<T | undefined> {
  const { api, target } = r;
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: titled(title), cancellable: true }, (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return copy({
        signal: abort.signal,
        podName: target.name,
        progress: progressReporter((step) => progress.report(step)),
        watchDeletion: (onDeleted) => watchPodDeletion(api, target.namespace, target.name, onDeleted),
      });
    });
  } catch (err) {
    if (err instanceof CopyCancelledError) vscode.window.setStatusBarMessage(titled('copy cancelled'), 5000);
    else if (err instanceof CopyError) reportProblem(`${doing} failed: ${err.message}`);
    else reportFailure(doing, err);
    return undefined;
  }
}

function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

const copyFrom: CommandFactory<CopyCommandContext> = (ctx) => async (arg) => {
  const c = await runningContainer(arg, ctx.deps, 'Copy From Container');
  if (!c) return;
  const containerPath = await vscode.window.showInputBox({
    title: `Copy from ${c.label}`,
    prompt: 'Path of a file or folder in the container (a folder is copied with everything in it)',
    value: '/',
    validateInput: (v) => (v.trim() === '' ? 'Enter a path' : undefined),
  });
  if (!containerPath) return;
  const name = posix.basename(containerPath.replace(/\/+$/, '')) || 'root';
  const folder = defaultFolder();
  const dest = await vscode.window.showSaveDialog({ title: `Save ${containerPath} from ${c.label} as`, defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined });
  if (!dest) return;
  const result = await withCopyProgress(`copying ${containerPath} from ${c.label}`, `copying "${containerPath}" from ${c.label}`, c.r,
    (control) => copyFromContainer(c.run, containerPath, dest.fsPath, control));
  if (!result) return;
  for (const w of result.warnings.slice(0, 3)) warn(w);
  const action = await inform(`copied ${containerPath} from ${c.label} to ${dest.fsPath} (${result.files} file${result.files === 1 ? '' : 's'}, ${formatBytes(result.bytes)}).`, 'Reveal');
  if (action === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', dest);
};

const copyTo: CommandFactory<CopyCommandContext> = (ctx) => async (arg) => {
  const c = await runningContainer(arg, ctx.deps, 'Copy To Container');
  if (!c) return;
  const picked = await vscode.window.showOpenDialog({
    title: `Copy a file or folder to ${c.label}`, canSelectFiles: true, canSelectFolders: true, canSelectMany: false, defaultUri: defaultFolder(), openLabel: 'Copy',
  });
  const local = picked?.[0];
  if (!local) return;
  const destination = await vscode.window.showInputBox({
    title: `Copy ${path.basename(local.fsPath)} to ${c.label}`,
    prompt: 'Container path: an existing directory to copy into, or the new name',
    value: '/tmp/',
    validateInput: (v) => (v.trim() === '' ? 'Enter a path' : undefined),
  });
  if (!destination) return;
  const result = await withCopyProgress(`copying ${path.basename(local.fsPath)} to ${c.label}`, `copying "${local.fsPath}" to ${c.label}`, c.r,
    (control) => copyToContainer(c.run, local.fsPath, destination, control));
  if (result) void inform(`copied ${local.fsPath} to ${c.label}:${result.containerPath} (${formatBytes(result.bytes)}).`);
};

const UP = '..';

/** A quick pick that walks the container's folders; a file opens read-only in an editor. */
const browse: CommandFactory<CopyCommandContext> = (ctx) => async (arg) => {
  const c = await runningContainer(arg, ctx.deps, 'Browse Container Files');
  if (!c) return;
  const at = { contextName: c.r.target.contextName, namespace: c.r.target.namespace, pod: c.r.target.name, container: c.r.container.name };
  let dir = '/';
  for (;;) {
    let entries;
    try {
      entries = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: titled(`listing ${dir}…`) }, () => listDirectory(c.run, dir));
    } catch (err) {
      reportFailure(`listing ${dir} in ${c.label}`, err);
      return;
    }
    const sorted = [...entries].sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name));
    const items: (vscode.QuickPickItem & { go?: string; open?: string; mount?: true })[] = [
      { label: '$(root-folder-opened) Add This Folder to the Explorer', mount: true },
      ...(dir === '/' ? [] : [{ label: `$(arrow-up) ${UP}`, go: posix.dirname(dir) }]),
      ...sorted.map((e) => e.type === 'directory'
        ? { label: `$(folder) ${e.name}`, description: e.symlink ? 'symlink' : undefined, go: posix.join(dir, e.name) }
        : { label: `$(file) ${e.name}`, description: e.symlink ? 'symlink' : e.type === 'other' ? 'special file' : undefined, open: posix.join(dir, e.name) }),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: `${c.label}:${dir}`, matchOnDescription: true, placeHolder: 'A folder to open, a file to view (read-only)' });
    if (!picked) return;
    if (picked.go) { dir = picked.go; continue; }
    const uri = containerUri({ ...at, path: picked.open ?? dir });
    if (picked.mount) {
      const count = vscode.workspace.workspaceFolders?.length ?? 0;
      vscode.workspace.updateWorkspaceFolders(count, 0, { uri, name: `${c.label}:${dir}` });
    } else {
      await vscode.commands.executeCommand('vscode.open', uri);
    }
    return;
  }
};

export const copyCommands = {
  'podscope.copy.fromContainer': copyFrom,
  'podscope.copy.toContainer': copyTo,
  'podscope.copy.browse': browse,
};
