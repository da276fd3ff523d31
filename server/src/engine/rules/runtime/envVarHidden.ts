import { formatPath } from '../../path';
import type { PodRule } from '../../rule';
import { mapItems } from '../../podModel';
import { getNode, getString } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

// kube-apiserver's warning, with its exception for a later entry that uses the earlier through "$(NAME)" (X=a, then X=$(X):b).
export const envVarHidden: PodRule = {
  code: 'env-var-hidden',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'An env entry repeats an earlier name and hides its value.',
  why: 'The container sees only the last definition, and kubectl apply merges env by name, so it may drop one of the two. The API server warns unless the later one builds on the earlier through `$(NAME)`.',
  remediation: 'Keep one entry per variable name, with the value you mean.',
  examples: podExamples({ container: `
      env:
      - name: LOG_LEVEL
        value: info
      - name: LOG_LEVEL
        value: debug` }, { container: `
      env:
      - name: LOG_LEVEL
        value: debug` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    for (const c of ctx.containers) {
      const first = new Map<string, string>();
      for (const item of mapItems(c.node, 'env', c.path, ctx.doc)) {
        const name = getString(item.node, 'name', ctx.doc);
        if (name === undefined) continue;
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, formatPath(item.path));
          continue;
        }
        const value = getString(item.node, 'value', ctx.doc) ?? '';
        const ref = `$(${name})`;
        const hides = getNode(item.node, 'valueFrom', ctx.doc) !== undefined || value === ref || !value.includes(ref);
        if (!hides) continue;
        ctx.report({
          node: item.node,
          path: item.path,
          message: `hides previous definition of ${JSON.stringify(name)}, which may be dropped when using apply; ` +
            `the container only sees this later value, not the one at ${earlier}.`,
        });
      }
    }
  },
};
