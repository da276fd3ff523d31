import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { getNode, getString } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

export const hostAliasDuplicateIp: PodRule = {
  code: 'host-alias-duplicate-ip',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'Two hostAliases entries use the same ip.',
  why: 'kubectl apply merges hostAliases by ip, so two entries for one ip collapse into one and hostnames silently disappear from /etc/hosts.',
  remediation: 'List all hostnames of one IP in a single hostAliases entry.',
  examples: podExamples({ spec: `
      hostAliases:
      - ip: 10.0.0.10
        hostnames: [db.internal]
      - ip: 10.0.0.10
        hostnames: [cache.internal]` }, { spec: `
      hostAliases:
      - ip: 10.0.0.10
        hostnames: [db.internal, cache.internal]` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const seen = new Set<string>();
    for (const a of mapItems(ctx.spec, 'hostAliases', ctx.pod.specPath, ctx.doc)) {
      const ip = getString(a.node, 'ip', ctx.doc);
      if (ip === undefined) continue;
      if (!seen.has(ip)) {
        seen.add(ip);
        continue;
      }
      ctx.report({
        node: getNode(a.node, 'ip', ctx.doc),
        path: [...a.path, 'ip'],
        message: `duplicate ip ${JSON.stringify(ip)}; kubectl apply merges hostAliases by ip, so one entry's hostnames may be dropped: list them all under one ip.`,
      });
    }
  },
};
