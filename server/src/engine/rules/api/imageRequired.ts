import { k8s } from '../../k8sErrors';
import type { PodRule } from '../../rule';
import { getNode, getPair } from '../../yamlNodes';

// kube-apiserver: validateContainerCommon -> "image": Required value (ephemeral too; init and app always).
export const imageRequired: PodRule = {
  code: 'image-required',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Every container must name an image.',
  docUrl: 'https://kubernetes.io/docs/concepts/containers/images/',
  check(ctx) {
    for (const c of ctx.containers) {
      const value = getNode(c.node, 'image', ctx.doc);
      const s = value && 'value' in value ? (value as { value: unknown }).value : undefined;
      if (typeof s === 'string' && s.trim() !== '') continue;
      const pair = getPair(c.node, 'image');
      ctx.report({ node: pair ?? c.node, path: [...c.path, 'image'], message: k8s.required() });
    }
  },
};
