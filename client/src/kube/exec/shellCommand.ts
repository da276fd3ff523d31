// "Open Shell" and "Attach" as commands: a running container of the chosen pod; the shell of the podscope.shell
// setting, or the container's main process.
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolveContainer } from '../pod/targetPicker';
import { openAttach } from './attach';
import { openShell } from './openShell';

export interface ShellCommandContext {
  deps: PodActionDeps;
  config: { readonly shell: string };
}

const openShellCommand: CommandFactory<ShellCommandContext> = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Open Shell', (c) => c.state === 'Running', 'no container is running');
  if (r) await openShell(r, ctx.config.shell);
};

const attachCommand: CommandFactory<ShellCommandContext> = (ctx) => async (arg) => {
  const r = await resolveContainer(arg, ctx.deps, 'Attach', (c) => c.state === 'Running', 'no container is running');
  if (r) openAttach(r);
};

export const execCommands = {
  'podscope.exec.shell': openShellCommand,
  'podscope.exec.attach': attachCommand,
};
