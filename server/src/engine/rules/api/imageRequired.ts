import { k8s } from '../../k8sErrors';
import type { PodRule } from '../../rule';
import { getPair } from '../../yamlNodes';
import { isSet, stringField } from './fields';
import { WEB_CONTAINER, podExamples } from '../../exampleManifests';

// kube-apiserver: validateContainerCommon -> "image": Required value (ephemeral too; init and app always).
// Only an empty string counts as missing: " " passes here (pod templates use it as a placeholder).
export const imageRequired: PodRule = {
  code: 'image-required',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Every container must name an image.',
  remediation: 'Set the container\'s image.',
  examples: podExamples({ containers: WEB_CONTAINER.replace('image: nginx:1.27', 'image: ""') }),
  docUrl: 'https://kubernetes.io/docs/concepts/containers/images/',
  check(ctx) {
    for (const c of ctx.containers) {
      const f = stringField(c.node, 'image', ctx.doc);
      if (f && f.value !== '') continue;
      // A number or a map is a decoding error, which the schema rules report.
      if (!f && isSet(c.node, 'image', ctx.doc)) continue;
      const pair = getPair(c.node, 'image');
      // An empty string points at the value; a null or absent image at its key or the container.
      const target = f ? { node: f.node } : pair ? { node: pair, on: 'key' as const } : { node: c.node };
      ctx.report({ ...target, path: [...c.path, 'image'], message: k8s.required() });
    }
  },
};

// validateContainerOnlyForPod: a Pod (not a pod template) may not pad its image names.
export const imageWhitespace: PodRule = {
  code: 'image-whitespace',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A Pod\'s container image has leading or trailing whitespace.',
  remediation: 'Remove the spaces around the image name.',
  examples: podExamples({ containers: WEB_CONTAINER.replace('image: nginx:1.27', 'image: " nginx:1.27"') }),
  docUrl: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  check(ctx) {
    if (ctx.object.kind !== 'Pod') return;
    for (const c of ctx.containers) {
      const f = stringField(c.node, 'image', ctx.doc);
      if (!f || f.value === '' || f.value === f.value.trim()) continue;
      const trimmed = f.value.trim();
      const fix = trimmed ? ctx.replaceFix(`Change to "${trimmed}"`, f.node, trimmed) : undefined;
      ctx.report({ node: f.node, path: [...c.path, 'image'], message: k8s.invalid(f.value, 'must not have leading or trailing whitespace'), fixes: fix ? [fix] : undefined });
    }
  },
};
