import type { PathSeg } from '../../path';
import { mapItems } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { asMap, getNode, getPair, getString, pairs, keyName } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

// Node labels kube-apiserver warns about in nodeSelector, node affinity and topology spread
// constraints (pkg/api/node/util.go deprecatedNodeLabels, v1.36.1).
export const DEPRECATED_NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
  'app.kubernetes.io/created-by': 'deprecated since v1.9',
  'scheduler.alpha.kubernetes.io/preferAvoidPods': 'deprecated since v1.22; use Taints and Tolerations instead',
  'node-role.kubernetes.io/master': 'use "node-role.kubernetes.io/control-plane" instead',
};

/** What actually happens, where that is more than a rename: kubeadm dropped this label in v1.24. */
const CONSEQUENCE: Record<string, string> = {
  'node-role.kubernetes.io/master': '; kubeadm has not put it on control-plane nodes since v1.24, so selecting on it can match no node',
};

function message(key: string, prefix: string): string | undefined {
  const msg = DEPRECATED_NODE_LABELS[key];
  return msg === undefined ? undefined : `${prefix}${msg}${CONSEQUENCE[key] ?? ''}`;
}

export const deprecatedNodeLabel: PodRule = {
  code: 'deprecated-node-label',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A node selector, node affinity or topology spread constraint uses a deprecated node label.',
  remediation: 'Use the label\'s replacement (`kubernetes.io/os`, `topology.kubernetes.io/zone`, `node-role.kubernetes.io/control-plane`, ...).',
  examples: podExamples({ spec: `
      nodeSelector:
        beta.kubernetes.io/os: linux` }, { spec: `
      nodeSelector:
        kubernetes.io/os: linux` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const specPath = ctx.pod.specPath;
    const selector = getPair(ctx.spec, 'nodeSelector');
    for (const p of pairs(asMap(selector?.value, ctx.doc))) {
      const key = keyName(p);
      const msg = key === undefined ? undefined : message(key, '');
      if (key !== undefined && msg) ctx.report({ node: p, on: 'key', path: [...specPath, 'nodeSelector', { key }], message: msg });
    }
    const nodeAffinity = asMap(getNode(asMap(getNode(ctx.spec, 'affinity', ctx.doc), ctx.doc), 'nodeAffinity', ctx.doc), ctx.doc);
    const affinityPath = [...specPath, 'affinity', 'nodeAffinity'];
    const required = asMap(getNode(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution', ctx.doc), ctx.doc);
    const requiredPath = [...affinityPath, 'requiredDuringSchedulingIgnoredDuringExecution'];
    for (const term of mapItems(required, 'nodeSelectorTerms', requiredPath, ctx.doc)) checkExpressions(ctx, term.node, term.path);
    const preferredPath = [...affinityPath, 'preferredDuringSchedulingIgnoredDuringExecution'];
    for (const item of mapItems(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution', affinityPath, ctx.doc)) {
      checkExpressions(ctx, asMap(getNode(item.node, 'preference', ctx.doc), ctx.doc), [...preferredPath, item.index, 'preference']);
    }
    for (const c of mapItems(ctx.spec, 'topologySpreadConstraints', specPath, ctx.doc)) {
      const key = getString(c.node, 'topologyKey', ctx.doc);
      const msg = key === undefined ? undefined : message(key, `${key} is `);
      if (msg) ctx.report({ node: getNode(c.node, 'topologyKey', ctx.doc), path: [...c.path, 'topologyKey'], message: msg });
    }
  },
};

function checkExpressions(ctx: PodContext, term: Parameters<typeof mapItems>[0], termPath: PathSeg[]): void {
  for (const e of mapItems(term, 'matchExpressions', termPath, ctx.doc)) {
    const key = getString(e.node, 'key', ctx.doc);
    const msg = key === undefined ? undefined : message(key, `${key} is `);
    if (msg) ctx.report({ node: getNode(e.node, 'key', ctx.doc), path: [...e.path, 'key'], message: msg });
  }
}
