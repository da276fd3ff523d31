// Pod Details: a live read-only document of a pod, from a pod row (menu, inline action, Ctrl+Alt+Enter) or the palette.
import { reportFailure } from '../../notify';
import type { CommandFactory, PodActionDeps } from '../pod/podActionDeps';
import { resolvePod } from '../pod/targetPicker';
import type { PodDetailsDocuments } from './podDetailsDocuments';

export interface DetailsCommandContext {
  deps: PodActionDeps;
  podDetails: PodDetailsDocuments;
}

const showDetails: CommandFactory<DetailsCommandContext> = (ctx) => async (arg) => {
  const r = await resolvePod(arg, ctx.deps, 'Pod Details');
  if (!r) return;
  const { contextName, namespace, name } = r.target;
  try {
    await ctx.podDetails.show({ contextName, namespace, name });
  } catch (err) {
    reportFailure(`opening the details of pod "${name}"`, err);
  }
};

export const detailsCommands = {
  'podscope.pod.details': showDetails,
};
