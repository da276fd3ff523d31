import { k8s } from '../../k8sErrors';
import type { PodRule } from '../../rule';
import { isDNS1123Label, isDNS1123Subdomain, inclusiveRangeError } from '../../validation/names';
import { asSeq, getNode, getPair } from '../../yamlNodes';
import { intField, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

const MAX_INT32 = 2147483647;

// ValidatePodSpec's checks of single pod-level fields: activeDeadlineSeconds in 1..MaxInt32;
// hostname and subdomain DNS-1123 labels; object names (service account, node, priority class,
// runtime class) DNS-1123 subdomains; and (ValidatePodCreate) no nodeName while scheduling gates remain.
// terminationGracePeriodSeconds is not here: a negative value is accepted (and treated as 1).
const LABEL_FIELDS = ['hostname', 'subdomain'];
const SUBDOMAIN_FIELDS = ['serviceAccountName', 'nodeName', 'priorityClassName', 'runtimeClassName'];

export const podFieldInvalid: PodRule = {
  code: 'pod-field-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A pod-level field (activeDeadlineSeconds, hostname, subdomain, serviceAccountName, nodeName, priorityClassName, runtimeClassName) has an invalid value.',
  remediation: 'Give the field a valid value: a DNS label for hostname and subdomain, a DNS subdomain for the object names, a positive activeDeadlineSeconds.',
  examples: podExamples({ spec: 'hostname: web_1' }, { spec: 'hostname: web-1' }),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodSpec',
  check(ctx) {
    const base = ctx.pod.specPath;
    const deadline = intField(ctx.spec, 'activeDeadlineSeconds', ctx.doc);
    if (deadline && (deadline.value < 1 || deadline.value > MAX_INT32)) {
      ctx.report({ node: deadline.node, path: [...base, 'activeDeadlineSeconds'], message: k8s.invalid(deadline.value, inclusiveRangeError(1, MAX_INT32)) });
    }
    for (const key of [...LABEL_FIELDS, ...SUBDOMAIN_FIELDS]) {
      const f = stringField(ctx.spec, key, ctx.doc);
      if (!f || f.value === '') continue;
      const check = LABEL_FIELDS.includes(key) ? isDNS1123Label : isDNS1123Subdomain;
      for (const msg of check(f.value)) ctx.report({ node: f.node, path: [...base, key], message: k8s.invalid(f.value, msg) });
    }
    const gates = asSeq(getNode(ctx.spec, 'schedulingGates', ctx.doc), ctx.doc);
    const nodeName = stringField(ctx.spec, 'nodeName', ctx.doc);
    if (ctx.object.kind === 'Pod' && nodeName && nodeName.value !== '' && gates && gates.items.length > 0) {
      ctx.report({ node: getPair(ctx.spec, 'nodeName'), on: 'key', path: [...base, 'nodeName'], message: k8s.forbidden('cannot be set until all schedulingGates have been cleared') });
    }
  },
};
