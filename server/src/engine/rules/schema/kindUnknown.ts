import { isNode } from 'yaml';
import builtin from '../../schema/generated/builtin-kinds.json';
import type { ObjectRule } from '../../rule';
import { getPair } from '../../yamlNodes';
import { didYouMean } from './didYouMean';
import { pod } from '../../exampleManifests';

// Built-in groups and their kinds; groups Podscope does not know (CRDs) may define any kind, so they stay silent.
const KINDS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(builtin.groups));
const ANYWHERE = new Set(builtin.subresourceKinds);

export const kindUnknown: ObjectRule = {
  code: 'kind-unknown',
  severity: 'error',
  category: 'schema',
  scope: 'object',
  anyKind: true,
  description: 'A built-in API group must serve the kind (a typo such as `kind: Pods` fails before the API server sees the object).',
  why: 'kubectl looks the kind up in discovery before sending anything, so a kind its group does not serve fails with `no matches for kind "Pods" in version "v1"`. Groups Podscope does not know (custom resources) may define any kind and are not checked.',
  remediation: 'Spell the kind as its API group defines it (singular, CamelCase: `Pod`, `Deployment`).',
  examples: { bad: pod().replace('kind: Pod', 'kind: Pods'), good: pod() },
  docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#standard-api-terminology',
  check(ctx) {
    const { kind, apiVersion } = ctx.object;
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const kinds = KINDS.get(group);
    if (!kinds || kinds.includes(kind) || ANYWHERE.has(kind)) return;
    // kubectl accepts lists of a group's kinds (`kind: List`, `PodList`).
    if (kind === 'List' || (kind.endsWith('List') && kinds.includes(kind.slice(0, -4)))) return;
    const pair = getPair(ctx.object.root, 'kind');
    const suggestion = didYouMean(kind, kinds) ?? didYouMean(kind.replace(/e?s$/, ''), kinds);
    const fix = suggestion && ctx.replaceFix(`Change kind to ${suggestion.name}`, isNode(pair?.value) ? pair.value : undefined, suggestion.name);
    ctx.report({
      node: pair ?? ctx.object.root,
      path: ['kind'],
      message: `no matches for kind "${kind}" in version "${apiVersion}"${suggestion ? `; did you mean "${suggestion.name}"?` : ''}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
