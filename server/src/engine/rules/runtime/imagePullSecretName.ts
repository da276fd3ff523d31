import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { getNode, getPair, getString } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

// Both are accepted by kube-apiserver with a warning.
export const imagePullSecretName: PodRule = {
  code: 'image-pull-secret-name',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'An imagePullSecrets entry repeats a name or has an empty name.',
  why: 'kubectl apply keys imagePullSecrets on name, so a repeated entry is merged away, and an empty name refers to no Secret at all.',
  remediation: 'Name each pull secret once, and never with an empty name.',
  examples: podExamples({ spec: `
      imagePullSecrets:
      - name: registry
      - name: registry` }, { spec: `
      imagePullSecrets:
      - name: registry` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const items = mapItems(ctx.spec, 'imagePullSecrets', ctx.pod.specPath, ctx.doc);
    const seen = new Set<string>();
    for (const s of items) {
      const name = getString(s.node, 'name', ctx.doc) ?? '';
      const path = [...s.path, 'name'];
      if (seen.has(name) && items.length > 1) {
        ctx.report({ node: getNode(s.node, 'name', ctx.doc) ?? s.node, path, message: `duplicate name ${JSON.stringify(name)}; the entry is redundant.` });
      }
      seen.add(name);
      if (name === '') {
        ctx.report({
          node: getPair(s.node, 'name') ?? s.node,
          path,
          message: 'invalid empty name ""; the entry refers to no Secret, so it adds no registry credentials.',
        });
      }
    }
  },
};
