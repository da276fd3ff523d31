import { isNode } from 'yaml';
import type { ObjectRule } from '../../rule';
import { getPair } from '../../yamlNodes';
import { deployment } from '../../exampleManifests';

export const apiVersion: ObjectRule = {
  code: 'api-version',
  severity: 'error',
  category: 'schema',
  scope: 'object',
  description: 'The kind must be served under the given apiVersion by the chosen Kubernetes version.',
  why: 'kubectl looks the kind up in the cluster\'s discovery before sending it, so an apiVersion Kubernetes no longer serves (a removed beta such as extensions/v1beta1 Deployment or batch/v1beta1 CronJob) fails with `no matches for kind`.',
  remediation: 'Change apiVersion to the one the chosen Kubernetes version serves the kind under (the quick fix offers it).',
  examples: { bad: deployment().replace('apps/v1', 'extensions/v1beta1'), good: deployment() },
  docUrl: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
  check(ctx) {
    const { kind, apiVersion: given } = ctx.object;
    const served = ctx.schema.servedApiVersion(kind);
    if (!served || served === given) return;
    const pair = getPair(ctx.object.root, 'apiVersion');
    const fix = ctx.replaceFix(`Change apiVersion to ${served}`, isNode(pair?.value) ? pair.value : undefined, served);
    ctx.report({
      node: pair ?? ctx.object.root,
      path: ['apiVersion'],
      message: `no matches for kind "${kind}" in version "${given}" (Kubernetes ${ctx.schema.version} serves ${kind} as ${served})`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
