import type { PodRule } from '../../rule';
import { getNode, getNumber } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

export const terminationGracePeriodNegative: PodRule = {
  code: 'termination-grace-period-negative',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'terminationGracePeriodSeconds is negative, which the API server treats as 1.',
  why: 'A negative grace period is accepted for compatibility and treated as 1 second, so containers get SIGKILL almost at once instead of a graceful shutdown.',
  remediation: 'Set terminationGracePeriodSeconds to 0 or more (the default is 30).',
  examples: podExamples({ spec: 'terminationGracePeriodSeconds: -1' }, { spec: 'terminationGracePeriodSeconds: 30' }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const value = getNumber(ctx.spec, 'terminationGracePeriodSeconds', ctx.doc);
    if (value === undefined || value >= 0) return;
    const node = getNode(ctx.spec, 'terminationGracePeriodSeconds', ctx.doc);
    ctx.report({
      node,
      path: [...ctx.pod.specPath, 'terminationGracePeriodSeconds'],
      message: 'must be >= 0; negative values are invalid and will be treated as 1, so containers are killed one second after they are asked to stop.',
      fixes: [ctx.replaceFix('Set to 0', node, '0')].filter((f) => f !== undefined),
    });
  },
};
