// Cluster access, started after activation in a trusted folder (see workspaceTrust.ts): the pod explorer, the views its
// commands open, and the commands' handlers. Ctx loads this module lazily, so @kubernetes/client-node and the
// explorer's code are evaluated only once activate() has returned.
import type * as vscode from 'vscode';
import { openClusterViews } from './clusterViews';
import type { FileSystems } from './fileSystemRouter';
import { CONTAINER_SCHEME, LOG_SCHEME } from './kube/fileSystemSchemes';
import { bindCommands, type CommandContext, type CommandHandler } from './commands';
import type { Config } from './config';
import { startExplorer, type Explorer } from './kube';
import { registerManifestLenses } from './kube/apply/manifestLenses';
import { ContainerFileSystem } from './kube/copy/containerFileSystem';
import { ImageHistory } from './kube/debug/imageHistory';
import { PodDetailsDocuments } from './kube/details/podDetailsDocuments';
import { usageSection } from './kube/metrics/usageSection';
import type { PodActionDeps } from './kube/pod/podActionDeps';

export interface ClusterFeatures extends vscode.Disposable {
  readonly explorer: Explorer;
  /** Every command of the table, bound to this explorer; Ctx registered their ids at activation. */
  readonly commands: ReadonlyMap<string, CommandHandler>;
  /** The explorer's file systems; Ctx registered their schemes at activation. */
  readonly fileSystems: FileSystems;
}

export async function startClusterFeatures(extensionContext: vscode.ExtensionContext, config: Config): Promise<ClusterFeatures> {
  const explorer = await startExplorer(extensionContext);
  const views = openClusterViews(config);
  const debugImages = new ImageHistory(extensionContext.globalState);
  // Details documents follow pods through the tree's informers; resource usage joins as a section.
  const podDetails = new PodDetailsDocuments(explorer.model);
  const usage = podDetails.addSection(usageSection(explorer.model));
  const context: CommandContext = { explorer, deps: podActionDeps(explorer), config, debugImages, podDetails, ...views };
  // The Apply lenses show only while there is a cluster to apply to.
  const lenses = registerManifestLenses(() => explorer.connection !== undefined && config.manifestCodeLens);
  // Container files open read-only in editors, read by exec through the explorer's current clusters.
  const containerFiles = new ContainerFileSystem((contextName) => explorer.apiFor(contextName));
  const parts: vscode.Disposable[] = [views, usage, podDetails, lenses, explorer];
  return {
    explorer,
    commands: bindCommands(context),
    // Registered at activation by FileSystemRouter's stand-ins, which hand every call to these.
    fileSystems: new Map<string, vscode.FileSystemProvider>([[LOG_SCHEME, views.logViews], [CONTAINER_SCHEME, containerFiles]]),
    dispose: () => { for (const p of parts) p.dispose(); },
  };
}

/** Logs, exec and pod actions resolve the cluster through the explorer, so they follow context switches. */
function podActionDeps(explorer: Explorer): PodActionDeps {
  return {
    apiFor: (contextName) => explorer.apiFor(contextName),
    // A keybinding in the Pods view passes no argument: the focused row is what the user means.
    selected: () => explorer.treeView.selection[0],
    activeScope: () => {
      const connection = explorer.connection;
      const contextName = connection?.activeContext();
      return connection && contextName ? { contextName, namespace: connection.namespaceOf(contextName) } : undefined;
    },
  };
}
