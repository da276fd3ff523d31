import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { isLabelValue } from '../../validation/names';
import { asMap, asScalar, asSeq, getNode } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { indent, podExamples } from '../../exampleManifests';

// Values in *preferred* node affinity terms are not validated as label values (required terms
// are), so kube-apiserver only warns (pkg/api/node/util.go GetWarningsForNodeSelectorTerm with
// checkLabelValue). No node label can carry such a value.
export const nodeAffinityValueInvalid: PodRule = {
  code: 'node-affinity-value-invalid',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A preferred node affinity expression lists a value that no node label can have.',
  remediation: 'Use values a node label can have: at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit.',
  examples: podExamples({ spec: preferZone('us east 1a') }, { spec: preferZone('us-east-1a') }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const affinityPath = [...ctx.pod.specPath, 'affinity', 'nodeAffinity'];
    const nodeAffinity = asMap(getNode(asMap(getNode(ctx.spec, 'affinity', ctx.doc), ctx.doc), 'nodeAffinity', ctx.doc), ctx.doc);
    for (const item of mapItems(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution', affinityPath, ctx.doc)) {
      const preference = asMap(getNode(item.node, 'preference', ctx.doc), ctx.doc);
      for (const e of mapItems(preference, 'matchExpressions', [...item.path, 'preference'], ctx.doc)) {
        asSeq(getNode(e.node, 'values', ctx.doc), ctx.doc)?.items.forEach((raw, index) => {
          const scalar = asScalar(raw, ctx.doc);
          if (!scalar || typeof scalar.value !== 'string') return;
          for (const msg of isLabelValue(scalar.value)) {
            ctx.report({
              node: scalar,
              path: [...e.path, 'values', index],
              message: `${scalar.value} is invalid, ${msg}; no node label can have this value.`,
            });
          }
        });
      }
    }
  },
};

/** A pod spec's lines preferring nodes in `zone` (for the examples). */
function preferZone(zone: string): string {
  return `affinity:\n  nodeAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 1\n      preference:\n${indent(`
        matchExpressions:
        - {key: topology.kubernetes.io/zone, operator: In, values: [${zone}]}`, 8)}`;
}
