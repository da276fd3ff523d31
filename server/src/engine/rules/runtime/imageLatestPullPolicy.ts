import type { PodRule } from '../../rule';
import { getNode, getPair, getString } from '../../yamlNodes';
import { WEB_CONTAINER, podExamples } from '../../exampleManifests';

// The default is pkg/apis/core/v1/defaults.go SetDefaults_Container. Never is usually deliberate
// (images loaded into a local cluster), so it is only a hint. A digest pins the image whatever the tag says.
export const imageLatestPullPolicy: PodRule = {
  code: 'image-latest-pull-policy',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'An image uses the "latest" tag (or no tag) with an imagePullPolicy other than Always.',
  why: 'The API server defaults imagePullPolicy to Always for `:latest` and untagged images because `latest` moves; an explicit IfNotPresent keeps whatever `latest` a node pulled first, so replicas on different nodes run different builds.',
  remediation: 'Pin the image to a tag or digest, or set imagePullPolicy: Always.',
  examples: podExamples({ containers: WEB_CONTAINER.replace('image: nginx:1.27', 'image: nginx:latest\n  imagePullPolicy: IfNotPresent') },
      { containers: WEB_CONTAINER.replace('image: nginx:1.27', 'image: nginx:1.27\n  imagePullPolicy: IfNotPresent') }),
  docUrl: 'https://kubernetes.io/docs/concepts/containers/images/#imagepullpolicy-defaulting',
  check(ctx) {
    for (const c of ctx.containers) {
      const image = getString(c.node, 'image', ctx.doc)?.trim();
      const policyNode = getNode(c.node, 'imagePullPolicy', ctx.doc);
      const policy = getString(c.node, 'imagePullPolicy', ctx.doc);
      if (!image || (policy !== 'IfNotPresent' && policy !== 'Never')) continue;
      const tag = floatingTag(image);
      if (tag === undefined) continue;
      const what = tag === '' ? `image ${JSON.stringify(image)} has no tag, which means "latest",` : `image ${JSON.stringify(image)} uses the "latest" tag`;
      const fix = ctx.replaceFix('Set imagePullPolicy to Always', policyNode, 'Always');
      ctx.report(policy === 'IfNotPresent'
        ? {
          node: getPair(c.node, 'image'), path: [...c.path, 'image'], fixes: fix ? [fix] : undefined,
          message: `${what} but imagePullPolicy is IfNotPresent: each node keeps the first "latest" it pulled, so pods run whatever build their node happens to have. ` +
            'Pin a version tag or digest, or drop imagePullPolicy (the default for "latest" is Always).',
        }
        : {
          node: getPair(c.node, 'image'), path: [...c.path, 'image'], severity: 'info', fixes: fix ? [fix] : undefined,
          message: `${what} but imagePullPolicy is Never: the container runs whatever "latest" the node already has and fails with ErrImageNeverPull on nodes without it.`,
        });
    }
  },
};

/**
 * "latest" for a `:latest` reference, "" for an untagged one, undefined for a pinned one. Follows
 * the reference grammar: a ":" before the last "/" belongs to the registry host (`host:5000/app`).
 */
export function floatingTag(image: string): 'latest' | '' | undefined {
  if (image.includes('@')) return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  if (colon < 0) return '';
  return lastSegment.slice(colon + 1) === 'latest' ? 'latest' : undefined;
}
