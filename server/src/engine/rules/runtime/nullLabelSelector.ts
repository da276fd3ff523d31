import type { Document, YAMLMap } from 'yaml';
import type { PathSeg } from '../../path';
import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { asMap, getNode, getPair } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

// kube-apiserver warns for topology spread constraints and pod (anti-)affinity terms.
export const nullLabelSelector: PodRule = {
  code: 'null-label-selector',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A topology spread constraint or pod affinity term has no labelSelector, so it matches no pod.',
  why: 'A missing (null) labelSelector selects nothing, unlike an empty one (`{}`), which selects every pod.',
  remediation: 'Give the constraint or affinity term a labelSelector that matches the pods it is about.',
  examples: podExamples({ metadata: 'labels: {app: web}', spec: `
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway` }, { metadata: 'labels: {app: web}', spec: `
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels: {app: web}` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const report = (owner: YAMLMap, path: PathSeg[], effect: string) => {
      if (asMap(getNode(owner, 'labelSelector', ctx.doc), ctx.doc)) return;
      const pair = getPair(owner, 'labelSelector');
      ctx.report({
        node: pair ?? owner,
        on: 'key',
        path: [...path, 'labelSelector'],
        message: `a null labelSelector results in matching no pod; ${effect}.`,
      });
    };
    for (const c of mapItems(ctx.spec, 'topologySpreadConstraints', ctx.pod.specPath, ctx.doc)) {
      report(c.node, c.path, 'the constraint counts no pods and spreads nothing');
    }
    const affinity = asMap(getNode(ctx.spec, 'affinity', ctx.doc), ctx.doc);
    for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
      const base = [...ctx.pod.specPath, 'affinity', kind];
      const terms = asMap(getNode(affinity, kind, ctx.doc), ctx.doc);
      for (const t of mapItems(terms, 'requiredDuringSchedulingIgnoredDuringExecution', base, ctx.doc)) {
        report(t.node, t.path, kind === 'podAffinity'
          ? 'no node can satisfy this required term, so the pod stays Pending'
          : 'the term never repels anything');
      }
      for (const t of mapItems(terms, 'preferredDuringSchedulingIgnoredDuringExecution', base, ctx.doc)) {
        const term = podAffinityTerm(t.node, ctx.doc);
        if (term) report(term, [...t.path, 'podAffinityTerm'], 'the preference has no effect');
      }
    }
  },
};

function podAffinityTerm(weighted: YAMLMap, doc: Document): YAMLMap | undefined {
  return asMap(getNode(weighted, 'podAffinityTerm', doc), doc);
}
