import { isNode } from 'yaml';
import type { ObjectRule } from '../../rule';
import { getPair } from '../../yamlNodes';

// A kind sent under an apiVersion the server does not serve (removed betas such as extensions/v1beta1
// Deployment or batch/v1beta1 CronJob) fails discovery: `no matches for kind "CronJob" in version "batch/v1beta1"`.
export const apiVersion: ObjectRule = {
  code: 'api-version',
  severity: 'error',
  category: 'schema',
  scope: 'object',
  description: 'The kind must be served under the given apiVersion by the chosen Kubernetes version.',
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
