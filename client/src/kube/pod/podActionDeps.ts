// What the commands need from the explorer: the ClusterApi of a context, and the context and namespace the tree
// shows (for commands run from the palette, without a tree item). Also the shape of a command: a factory over the
// part of the extension's context a feature needs, returning the handler VS Code calls.
import type { ClusterApi } from '../cluster/clusterApi';

export interface ActiveScope {
  contextName: string;
  /** undefined = all namespaces. */
  namespace: string | undefined;
}

export interface PodActionDeps {
  apiFor(contextName: string): ClusterApi | undefined;
  activeScope(): ActiveScope | undefined;
  /** The Pods view's selected row, for commands run by a keybinding there (they get no argument). */
  selected?(): unknown;
}

/**
 * A handler receives the tree node it was invoked on, a URI from an editor menu, or nothing from the palette; from a
 * tree with multi-select, also every selected node.
 */
export type CommandHandler = (arg?: unknown, selected?: unknown) => unknown;
export type CommandFactory<Ctx> = (ctx: Ctx) => CommandHandler;
