// Every contributed command is registered at activation, before the cluster features exist, so a command run while
// they start (from the palette, a keybinding, a view's welcome link) waits for them instead of failing with
// "command not found"; in Restricted Mode, or when the explorer could not start, it says so.
import * as vscode from 'vscode';
import type { CommandHandler } from './kube/pod/podActionDeps';
import { reportFailure, warn } from './notify';

export class CommandRouter implements vscode.Disposable {
  private handlers: Promise<ReadonlyMap<string, CommandHandler>> | undefined;
  private readonly registrations: vscode.Disposable[];

  constructor(ids: readonly string[]) {
    this.registrations = ids.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, args)));
  }

  /** The handlers, once the cluster features start (in a trusted folder); a rejection means they could not. */
  serve(handlers: Promise<ReadonlyMap<string, CommandHandler>>): void {
    // Reported by Ctx when it happens, and again by each command that needed them; never unhandled.
    handlers.catch(() => undefined);
    this.handlers = handlers;
  }

  private async run(id: string, args: unknown[]): Promise<unknown> {
    if (!this.handlers) {
      warn('the pod explorer and its commands are off in Restricted Mode: they would read kubeconfig files, run their credential plugins and contact clusters. Trust this folder to use them.');
      return undefined;
    }
    let handlers: ReadonlyMap<string, CommandHandler>;
    try {
      handlers = await this.handlers;
    } catch (err) {
      reportFailure('starting the pod explorer', err);
      return undefined;
    }
    const handler = handlers.get(id);
    if (!handler) throw new Error(`Podscope: no handler for the contributed command ${id}`);
    return handler(args[0], args[1]);
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
  }
}

/** The command ids package.json contributes (the unit tests hold the command table to the same list). */
export function contributedCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } };
  return (manifest.contributes?.commands ?? []).map((c) => c.command);
}
