// "Open Shell" as a command: a running container of the chosen pod, the shell of the podscope.shell setting.
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolveContainer } from '../pod/targetPicker';
import { openShell } from './openShell';

export interface ShellCommandContext {
  deps: PodActionDeps;
  config: { readonly shell: string };
}

const openShellCommand: CommandFactory<ShellCommandContext> = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Open Shell', (c) => c.state === 'Running', 'no container is running');
  if (r) await openShell(r, ctx.config.shell);
};

export const execCommands = {
  'podscope.exec.shell': openShellCommand,
};
