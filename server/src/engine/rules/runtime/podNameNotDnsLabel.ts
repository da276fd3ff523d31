import type { PodRule } from '../../rule';
import { isDNS1123Label, isDNS1123Subdomain } from '../../validation/names';
import { getNode, getString } from '../../yamlNodes';
import { goList } from './apiWarning';
import { podExamples } from '../../exampleManifests';

// The hostname comes from kubelet GeneratePodHostNameAndDomain; kube-apiserver warns on create
// (pkg/registry/core/pod/strategy.go WarningsOnCreate).
// Names that are not even subdomains are rejected, which the API rules report.
export const podNameNotDnsLabel: PodRule = {
  code: 'pod-name-not-dns-label',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A Pod name is a valid DNS subdomain but not a DNS label, so the hostname derived from it is surprising.',
  why: 'Unless spec.hostname is set, the Pod\'s name becomes its hostname, cut to 63 characters with its dots kept, so `hostname -s` and the FQDN differ from what the name suggests.',
  remediation: 'Name the pod without dots, so its hostname is its name.',
  examples: podExamples({ name: 'web.v2' }, { name: 'web-v2' }),
  docUrl: 'https://github.com/kubernetes/kubernetes/blob/v1.36.1/pkg/registry/core/pod/strategy.go',
  check(ctx) {
    if (ctx.object.kind !== 'Pod') return;
    const name = getString(ctx.pod.meta, 'name', ctx.doc);
    if (!name || isDNS1123Subdomain(name).length > 0) return;
    const msgs = isDNS1123Label(name);
    if (msgs.length === 0) return;
    ctx.report({
      node: getNode(ctx.pod.meta, 'name', ctx.doc),
      path: [...ctx.pod.metaPath, 'name'],
      message: `this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: ${goList(msgs)}; ` +
        'unless spec.hostname is set, the hostname is this name cut to 63 characters, dots included.',
    });
  },
};
