import { k8s } from '../../k8sErrors';
import type { ContainerRef } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { isDNS1123Label } from '../../validation/names';
import { requiredString, stringField } from './fields';
import { LOG_SHIPPER, WEB_CONTAINER, podExamples } from '../../exampleManifests';

// validateContainerCommon: every container (init, app, ephemeral) needs a DNS-1123 label name.
export const containerNameInvalid: PodRule = {
  code: 'container-name-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A container name is missing or is not a lowercase RFC 1123 label.',
  remediation: 'Name the container with lower-case letters, digits and \'-\', starting and ending with a letter or digit.',
  examples: podExamples({ containers: WEB_CONTAINER.replace('name: web', 'name: Web_Server') }),
  docUrl: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names',
  check(ctx) {
    for (const c of ctx.containers) {
      const name = requiredString(c.node, 'name', ctx.doc);
      const path = [...c.path, 'name'];
      if (name.kind === 'missing') ctx.report({ ...name.target, path, message: k8s.required() });
      if (name.kind !== 'set') continue;
      const f = name.field;
      const lower = f.value.toLowerCase();
      const fix = lower !== f.value && isDNS1123Label(lower).length === 0 ? ctx.replaceFix(`Change to "${lower}"`, f.node, lower) : undefined;
      for (const msg of isDNS1123Label(f.value)) {
        ctx.report({ node: f.node, path, message: k8s.invalid(f.value, msg), fixes: fix ? [fix] : undefined });
      }
    }
  },
};

// validateContainers / validateInitContainers / validateEphemeralContainers: app names are unique
// among app containers; an init container may not reuse an app or earlier init name; an ephemeral
// container may not reuse any. The server blames the init container even when it comes first in
// the file, because app containers are validated first.
export const containerNameDuplicate: PodRule = {
  code: 'container-name-duplicate',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Two containers of one pod (init, app or ephemeral) share a name.',
  remediation: 'Give each container of the pod (init, app and ephemeral) its own name.',
  examples: podExamples({ containers: `${WEB_CONTAINER}\n${LOG_SHIPPER.replace('log-shipper', 'web')}` }, { containers: `${WEB_CONTAINER}\n${LOG_SHIPPER}` }),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior',
  check(ctx) {
    const seen = new Set<string>();
    for (const group of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
      for (const c of ctx.containers.filter((x) => x.group === group)) checkOne(ctx, c, seen);
    }
  },
};

function checkOne(ctx: PodContext, c: ContainerRef, seen: Set<string>): void {
  const f = stringField(c.node, 'name', ctx.doc);
  // A missing name is already "Required"; repeating it as a duplicate "" would only add noise.
  if (!f || f.value === '') return;
  if (seen.has(f.value)) ctx.report({ node: f.node, path: [...c.path, 'name'], message: k8s.duplicate(f.value) });
  else seen.add(f.value);
}
