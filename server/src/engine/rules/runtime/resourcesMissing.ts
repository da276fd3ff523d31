import type { Document, YAMLMap } from 'yaml';
import type { PodRule } from '../../rule';
import { asMap, getNode, getPair } from '../../yamlNodes';
import { describeContainer } from './runTogether';
import { podExamples } from '../../exampleManifests';

// A hint, not a warning: plenty of pods are fine that way. Pod-level resources (spec.resources)
// budget for all containers at once, so their presence silences the hint.
export const resourcesMissing: PodRule = {
  code: 'resources-missing',
  severity: 'info',
  category: 'runtime',
  scope: 'pod',
  description: 'A container sets no resource requests or limits.',
  why: 'Without requests the scheduler reserves nothing for a container, and without limits it may use the whole node; a pod whose containers set neither is BestEffort, the first to be evicted under node pressure.',
  remediation: 'Set resources.requests (and usually resources.limits) for CPU and memory on every container.',
  examples: podExamples({ containers: '- name: web\n  image: nginx:1.27' }),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  check(ctx) {
    if (hasAny(asMap(getNode(ctx.spec, 'resources', ctx.doc), ctx.doc), ctx.doc)) return;
    for (const c of ctx.containers) {
      // The API server forbids resources on ephemeral containers.
      if (c.group === 'ephemeralContainers') continue;
      if (hasAny(asMap(getNode(c.node, 'resources', ctx.doc), ctx.doc), ctx.doc)) continue;
      const name = getPair(c.node, 'name');
      ctx.report({
        node: name ?? c.node,
        path: [...c.path, 'resources'],
        message: `${describeContainer(c)} sets no resources.requests or resources.limits: the scheduler reserves nothing for it, ` +
          'it may use all of the node\'s CPU and memory, and a pod without any is BestEffort, the first evicted under node pressure.',
      });
    }
  },
};

function hasAny(resources: YAMLMap | undefined, doc: Document): boolean {
  return ['requests', 'limits'].some((k) => (asMap(getNode(resources, k, doc), doc)?.items.length ?? 0) > 0);
}
