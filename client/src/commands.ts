// Every command of the extension, by id: one table, bound in one loop (Ctx registers the ids, read from package.json,
// at activation; see commandRouter.ts). The bodies live in their feature folders; each feature says what it needs of
// the context, and the cluster features provide all of it. A unit test checks this table against package.json (every
// id contributed, every contributed command handled).
import type { CommandFactory, CommandHandler } from './kube/pod/podActionDeps';
import { podActionCommands, type PodActionContext } from './kube/actions/podActionCommands';
import { applyCommands, type ApplyCommandContext } from './kube/apply/applyCommands';
import { copyCommands, type CopyCommandContext } from './kube/copy/copyCommands';
import { debugCommands, type DebugCommandContext } from './kube/debug/debugCommand';
import { detailsCommands, type DetailsCommandContext } from './kube/details/detailsCommands';
import { dryRunCommands, type DryRunCommandContext } from './kube/dryRun/validateCommand';
import { execCommands, type ShellCommandContext } from './kube/exec/shellCommand';
import { logCommands, type LogCommandContext } from './kube/logs/logCommands';
import { portForwardCommands, type PortForwardContext } from './kube/portForward/portForwardCommands';
import { workloadLogCommands } from './kube/logs/workloadLogCommands';
import { treeCommands, type TreeCommandContext } from './kube/tree/treeCommands';

/** What the commands receive: the union of what each feature needs. */
export type CommandContext = TreeCommandContext & LogCommandContext & ShellCommandContext & PodActionContext & DryRunCommandContext
  & ApplyCommandContext & DebugCommandContext & DetailsCommandContext & CopyCommandContext & PortForwardContext;

export function createCommands(): Record<string, CommandFactory<CommandContext>> {
  return {
    ...treeCommands,
    ...logCommands,
    ...workloadLogCommands,
    ...execCommands,
    ...copyCommands,
    ...debugCommands,
    ...podActionCommands,
    ...detailsCommands,
    ...portForwardCommands,
    ...dryRunCommands,
    ...applyCommands,
  };
}

export type { CommandHandler };

/** The one binding loop: every command of the table, over one context. */
export function bindCommands(ctx: CommandContext): Map<string, CommandHandler> {
  return new Map(Object.entries(createCommands()).map(([id, factory]) => [id, factory(ctx)]));
}
