import { k8s } from '../../k8sErrors';
import { mapItems } from '../../podModel';
import type { PodRule } from '../../rule';
import { isValidPortName, isValidPortNum } from '../../validation/names';
import { boolField, intField, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

const DOCS = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports';

// validateContainerPorts: containerPort is required and 1..65535; a non-zero hostPort likewise.
// A missing containerPort is left to the schema rules (it is a required field there).
export const containerPortInvalid: PodRule = {
  code: 'container-port-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A containerPort or hostPort is outside 1..65535.',
  remediation: 'Use a port number from 1 to 65535.',
  examples: podExamples({ container: `
      ports:
      - containerPort: 80800` }, { container: `
      ports:
      - containerPort: 8080` }),
  docUrl: DOCS,
  check(ctx) {
    for (const c of ctx.containers) {
      for (const port of mapItems(c.node, 'ports', c.path, ctx.doc)) {
        const cp = intField(port.node, 'containerPort', ctx.doc);
        if (cp && cp.value === 0) ctx.report({ node: cp.node, path: [...port.path, 'containerPort'], message: k8s.required() });
        else if (cp) for (const msg of isValidPortNum(cp.value)) ctx.report({ node: cp.node, path: [...port.path, 'containerPort'], message: k8s.invalid(cp.value, msg) });
        const hp = intField(port.node, 'hostPort', ctx.doc);
        if (hp && hp.value !== 0) for (const msg of isValidPortNum(hp.value)) ctx.report({ node: hp.node, path: [...port.path, 'hostPort'], message: k8s.invalid(hp.value, msg) });
      }
    }
  },
};

// validateContainerPorts: names are IANA_SVC_NAMEs; a valid name may appear once per container.
export const portNameInvalid: PodRule = {
  code: 'port-name-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A port name is not a valid IANA_SVC_NAME (at most 15 lower-case letters, digits and single inner hyphens, with a letter).',
  remediation: 'Name the port with at most 15 lower-case letters, digits and single inner hyphens, including a letter.',
  examples: podExamples({ container: `
      ports:
      - name: http_frontend
        containerPort: 80` }, { container: `
      ports:
      - name: http-frontend
        containerPort: 80` }),
  docUrl: DOCS,
  check(ctx) {
    for (const c of ctx.containers) {
      for (const port of mapItems(c.node, 'ports', c.path, ctx.doc)) {
        const f = stringField(port.node, 'name', ctx.doc);
        if (!f || f.value === '') continue;
        const msgs = isValidPortName(f.value);
        const lower = f.value.toLowerCase();
        const fix = msgs.length && isValidPortName(lower).length === 0 ? ctx.replaceFix(`Change to "${lower}"`, f.node, lower) : undefined;
        for (const msg of msgs) ctx.report({ node: f.node, path: [...port.path, 'name'], message: k8s.invalid(f.value, msg), fixes: fix ? [fix] : undefined });
      }
    }
  },
};

export const portNameNotUnique: PodRule = {
  code: 'port-name-not-unique',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Two ports of one container share a name.',
  remediation: 'Give each port of the container its own name.',
  examples: podExamples({ container: `
      ports:
      - name: http
        containerPort: 80
      - name: http
        containerPort: 443` }, { container: `
      ports:
      - name: http
        containerPort: 80
      - name: https
        containerPort: 443` }),
  docUrl: DOCS,
  check(ctx) {
    for (const c of ctx.containers) {
      const seen = new Set<string>();
      for (const port of mapItems(c.node, 'ports', c.path, ctx.doc)) {
        const f = stringField(port.node, 'name', ctx.doc);
        if (!f || f.value === '' || isValidPortName(f.value).length) continue;
        if (seen.has(f.value)) ctx.report({ node: f.node, path: [...port.path, 'name'], message: k8s.duplicate(f.value) });
        else seen.add(f.value);
      }
    }
  },
};

// validatePodHostNetworkDeps: with hostNetwork a set hostPort must equal containerPort (an unset
// one is defaulted to it). Only spec.containers is checked.
export const hostNetworkPortMismatch: PodRule = {
  code: 'host-network-port-mismatch',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'With hostNetwork, a container\'s hostPort differs from its containerPort.',
  remediation: 'With hostNetwork, make each hostPort equal to its containerPort, or leave hostPort out.',
  examples: podExamples({ spec: 'hostNetwork: true', container: `
      ports:
      - containerPort: 80
        hostPort: 8080` }, { spec: 'hostNetwork: true', container: `
      ports:
      - containerPort: 80
        hostPort: 80` }),
  docUrl: 'https://kubernetes.io/docs/concepts/services-networking/#the-kubernetes-network-model',
  check(ctx) {
    if (boolField(ctx.spec, 'hostNetwork', ctx.doc)?.value !== true) return;
    for (const c of ctx.containers.filter((x) => x.group === 'containers')) {
      for (const port of mapItems(c.node, 'ports', c.path, ctx.doc)) {
        const hp = intField(port.node, 'hostPort', ctx.doc);
        const cp = intField(port.node, 'containerPort', ctx.doc);
        if (!hp || hp.value === 0 || hp.value === (cp?.value ?? 0)) continue;
        const fix = cp ? ctx.replaceFix(`Change hostPort to ${cp.value}`, hp.node, String(cp.value)) : undefined;
        ctx.report({ node: hp.node, path: [...port.path, 'hostPort'], message: k8s.invalid(hp.value, 'must match `containerPort` when `hostNetwork` is true'), fixes: fix ? [fix] : undefined });
      }
    }
  },
};
