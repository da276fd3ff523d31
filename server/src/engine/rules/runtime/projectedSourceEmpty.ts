import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { asMap, getNode, getString } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { MOUNT_CONF, podExamples } from '../../exampleManifests';

const SOURCE_KINDS = ['configMap', 'secret', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'];

// kube-apiserver warns (pkg/api/pod/warnings.go).
export const projectedSourceEmpty: PodRule = {
  code: 'projected-source-empty',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'An entry of a projected volume\'s sources names no source.',
  why: 'An entry with no source projects nothing into the volume; usually the source\'s key was misspelt or mis-indented.',
  remediation: 'Name a source (configMap, secret, downwardAPI, serviceAccountToken, ...) in the entry, or remove it.',
  examples: podExamples({ container: MOUNT_CONF, spec: `
      volumes:
      - name: conf
        projected:
          sources:
          - configMap: {name: nginx-conf}
          - {}` }, { container: MOUNT_CONF, spec: `
      volumes:
      - name: conf
        projected:
          sources:
          - configMap: {name: nginx-conf}` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    for (const v of mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc)) {
      const projected = asMap(getNode(v.node, 'projected', ctx.doc), ctx.doc);
      for (const s of mapItems(projected, 'sources', [...v.path, 'projected'], ctx.doc)) {
        if (SOURCE_KINDS.some((k) => asMap(getNode(s.node, k, ctx.doc), ctx.doc))) continue;
        const name = getString(v.node, 'name', ctx.doc) ?? '';
        ctx.report({
          node: s.node,
          path: s.path,
          message: `volume ${JSON.stringify(name)} (Projected) has no sources provided; this entry projects nothing into the volume.`,
        });
      }
    }
  },
};
