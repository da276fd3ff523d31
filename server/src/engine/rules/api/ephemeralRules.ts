import type { Document, YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { asMap, asSeq, getNode, getPair } from '../../yamlNodes';
import { isSet, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

const DOCS = 'https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/';
const FORBIDDEN = 'cannot be set for an Ephemeral Container';

// validateEphemeralContainers checks an allow-list of fields (allowedEphemeralContainerFields);
// of EphemeralContainerCommon's fields these are outside it in 1.36. "Set" means non-zero in Go:
// an empty list still counts, an empty `resources: {}` does not.
const NOT_ALLOWED = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

export const ephemeralContainerFieldForbidden: PodRule = {
  code: 'ephemeral-container-field-forbidden',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'An ephemeral container sets a field that only regular containers may have (ports, probes, lifecycle, resources, restart policy, subPath).',
  remediation: 'Remove ports, probes, lifecycle, resources, restart policy and subPath from the ephemeral container.',
  examples: podExamples({ spec: `
      ephemeralContainers:
      - name: debug
        image: busybox:1.36
        ports:
        - containerPort: 8080` }, { spec: `
      ephemeralContainers:
      - name: debug
        image: busybox:1.36` }),
  docUrl: DOCS,
  check(ctx) {
    for (const c of ctx.containers.filter((x) => x.group === 'ephemeralContainers')) {
      for (const key of NOT_ALLOWED) {
        const pair = isSet(c.node, key, ctx.doc);
        if (!pair || (key === 'resources' && !resourcesSet(asMap(pair.value, ctx.doc), ctx.doc))) continue;
        ctx.report({ node: pair, on: 'key', path: [...c.path, key], message: k8s.forbidden(FORBIDDEN) });
      }
      for (const mount of mapItems(c.node, 'volumeMounts', c.path, ctx.doc)) {
        for (const key of ['subPath', 'subPathExpr']) {
          const f = stringField(mount.node, key, ctx.doc);
          if (f && f.value !== '') ctx.report({ node: f.pair, on: 'key', path: [...mount.path, key], message: k8s.forbidden(FORBIDDEN) });
        }
      }
    }
  },
};

function resourcesSet(map: YAMLMap | undefined, doc: Document): boolean {
  return !!map && ['limits', 'requests', 'claims'].some((k) => isSet(map, k, doc));
}

// The target must be an init or app container of the same pod.
export const ephemeralTargetNotFound: PodRule = {
  code: 'ephemeral-target-not-found',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'An ephemeral container targets a container name that the pod does not have.',
  remediation: 'Set targetContainerName to the name of one of the pod\'s init or app containers.',
  examples: podExamples({ spec: `
      ephemeralContainers:
      - name: debug
        image: busybox:1.36
        targetContainerName: nginx` }, { spec: `
      ephemeralContainers:
      - name: debug
        image: busybox:1.36
        targetContainerName: web` }),
  docUrl: DOCS,
  check(ctx) {
    const names = new Set(ctx.containers.filter((c) => c.group !== 'ephemeralContainers').map((c) => c.name ?? ''));
    for (const c of ctx.containers.filter((x) => x.group === 'ephemeralContainers')) {
      const f = stringField(c.node, 'targetContainerName', ctx.doc);
      if (f && f.value !== '' && !names.has(f.value)) ctx.report({ node: f.node, path: [...c.path, 'targetContainerName'], message: k8s.notFound(f.value) });
    }
  },
};

// ValidatePodCreate: ephemeral containers are added later through the ephemeralcontainers
// subresource; ValidatePodTemplateSpec: templates may never have them.
export const ephemeralContainersNotAllowed: PodRule = {
  code: 'ephemeral-containers-not-allowed',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'ephemeralContainers cannot be set when a Pod is created, nor in a pod template.',
  remediation: 'Remove ephemeralContainers from the manifest and add them to the running pod with `kubectl debug`.',
  examples: podExamples({ spec: `
      ephemeralContainers:
      - name: debug
        image: busybox:1.36` }),
  docUrl: DOCS,
  check(ctx) {
    const seq = asSeq(getNode(ctx.spec, 'ephemeralContainers', ctx.doc), ctx.doc);
    if (!seq || seq.items.length === 0) return;
    const detail = ctx.object.kind === 'Pod' ? 'cannot be set on create' : 'ephemeral containers not allowed in pod template';
    ctx.report({ node: getPair(ctx.spec, 'ephemeralContainers'), on: 'key', path: [...ctx.pod.specPath, 'ephemeralContainers'], message: k8s.forbidden(detail) });
  },
};
