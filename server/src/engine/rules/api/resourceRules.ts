import { isScalar } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { compareQuantities, parseQuantity, quantityToString, scaledValue, sign } from '../../validation/quantity';
import { containerResourceNameErrors, isHugePageResourceName, isIntegerResourceName, isOvercommitAllowed } from '../../validation/resourceNames';
import { asMap, getNode, getPair, resolve } from '../../yamlNodes';
import { containerResources, resourceEntries, type ContainerResources, type ResourceEntry } from './resourceLists';
import { podExamples } from '../../exampleManifests';

const DOCS = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';

// Quantity.UnmarshalJSON rejects the whole object before any validation runs; the API server
// names no field, so we name the one at fault.
export const quantityInvalid: PodRule = {
  code: 'quantity-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A resource quantity (limits, requests, overhead, emptyDir sizeLimit) is not a valid Kubernetes quantity.',
  remediation: 'Write the quantity as Kubernetes does: a number with an optional suffix such as `m`, `Ki`, `Mi`, `Gi`, `k`, `M`, `G`.',
  examples: podExamples({ resources: 'limits: {cpu: 500m, memory: 128MB}' }),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  check(ctx) {
    const entries: ResourceEntry[] = [];
    for (const c of ctx.containers) {
      const r = containerResources(c, ctx.doc);
      if (r) entries.push(...r.limits, ...r.requests);
    }
    const spec = ctx.pod.specPath;
    entries.push(...resourceEntries(asMap(getNode(ctx.spec, 'overhead', ctx.doc), ctx.doc), [...spec, 'overhead'], ctx.doc));
    const podResources = asMap(getNode(ctx.spec, 'resources', ctx.doc), ctx.doc);
    for (const key of ['limits', 'requests']) {
      entries.push(...resourceEntries(asMap(getNode(podResources, key, ctx.doc), ctx.doc), [...spec, 'resources', key], ctx.doc));
    }
    for (const e of entries) if (e.error) ctx.report({ node: e.valueNode, path: e.path, message: e.error });
    for (const v of mapItems(ctx.spec, 'volumes', spec, ctx.doc)) reportUnparseableSizeLimit(ctx, v.node, [...v.path, 'emptyDir', 'sizeLimit']);
  },
};

function reportUnparseableSizeLimit(ctx: PodContext, volume: Parameters<typeof getNode>[0], path: PathSeg[]): void {
  const emptyDir = asMap(getNode(volume, 'emptyDir', ctx.doc), ctx.doc);
  const node = resolve(getPair(emptyDir, 'sizeLimit')?.value, ctx.doc);
  if (!node || !isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return;
  const parsed = parseQuantity(node.value);
  if (!parsed.ok) ctx.report({ node, path, message: parsed.error });
}

// validateContainerResourceName: cpu, memory, ephemeral-storage, hugepages-<size>, or a
// domain-qualified extended resource.
export const resourceNameInvalid: PodRule = {
  code: 'resource-name-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A container resource name is not cpu, memory, ephemeral-storage, hugepages-<size> or a qualified extended resource.',
  remediation: 'Use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with a domain prefix (`example.com/gpu`).',
  examples: podExamples({ resources: 'limits: {cpu: 500m, memory: 128Mi, gpu: 1}' }, { resources: 'limits: {cpu: 500m, memory: 128Mi, nvidia.com/gpu: 1}' }),
  docUrl: DOCS,
  check(ctx) {
    for (const r of allResources(ctx)) {
      for (const e of [...r.limits, ...r.requests]) {
        for (const msg of containerResourceNameErrors(e.name)) ctx.report({ node: e.pair, on: 'key', path: e.path, message: k8s.invalid(e.name, msg) });
      }
    }
  },
};

// ValidateResourceQuantityValue and the hugepage checks of validateResourceRequirements.
export const resourceValueInvalid: PodRule = {
  code: 'resource-value-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A resource value is negative, fractional for an integer resource, or not a multiple of its hugepage size.',
  remediation: 'Use a non-negative value, a whole number for integer resources such as GPUs, and a multiple of the page size for hugepages.',
  examples: podExamples({ resources: 'limits: {cpu: 500m, memory: 128Mi, nvidia.com/gpu: 0.5}' }, { resources: 'limits: {cpu: 500m, memory: 128Mi, nvidia.com/gpu: 1}' }),
  docUrl: DOCS,
  check(ctx) {
    for (const r of allResources(ctx)) {
      for (const e of [...r.limits, ...r.requests]) checkValue(ctx, e);
      checkHugePagesNeedCpuOrMemory(ctx, r);
    }
  },
};

function checkValue(ctx: PodContext, e: ResourceEntry): void {
  const q = e.quantity;
  if (!q) return;
  if (sign(q) < 0) ctx.report({ node: e.valueNode, path: e.path, message: k8s.invalid(quantityToString(q), 'must be greater than or equal to 0') });
  if (isIntegerResourceName(e.name) && (scaledValue(q, -3) ?? 0n) % 1000n !== 0n) {
    ctx.report({ node: e.valueNode, path: e.path, message: k8s.invalid(quantityToString(q), 'must be an integer') });
  }
  if (isHugePageResourceName(e.name) && !hugePageDivisible(e.name, q)) {
    ctx.report({ node: e.valueNode, path: e.path, message: k8s.invalid(quantityToString(q), `${quantityToString(q)} is not positive integer multiple of ${e.name}`) });
  }
}

/** helper.IsHugePageResourceValueDivisible. */
function hugePageDivisible(name: string, q: NonNullable<ResourceEntry['quantity']>): boolean {
  const page = parseQuantity(name.slice('hugepages-'.length));
  if (!page.ok || sign(page.quantity) <= 0) return false;
  const pageMilli = scaledValue(page.quantity, -3);
  const pageValue = scaledValue(page.quantity, 0);
  const value = scaledValue(q, 0);
  if (pageMilli === undefined || pageValue === undefined || value === undefined) return true;
  return pageMilli % 1000n === 0n && value % pageValue === 0n;
}

function checkHugePagesNeedCpuOrMemory(ctx: PodContext, r: ContainerResources): void {
  const names = [...r.limits, ...r.requests].map((e) => e.name);
  if (!names.some(isHugePageResourceName) || names.some((n) => n === 'cpu' || n === 'memory')) return;
  ctx.report({ node: getPair(r.container.node, 'resources'), on: 'key', path: r.path, message: k8s.forbidden('HugePages require cpu or memory') });
}

// validateResourceRequirements: a request may not exceed its limit; extended resources and
// hugepages cannot be overcommitted, so their request must equal a set limit. The server names
// the requests map, not the entry.
export const resourceRequestExceedsLimit: PodRule = {
  code: 'resource-request-exceeds-limit',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A container requests more of a resource than its limit, or a non-overcommitable resource\'s request differs from its limit.',
  remediation: 'Lower the request to at most the limit (equal to it for extended resources and hugepages), or raise the limit.',
  examples: podExamples({ resources: `
      requests: {cpu: 250m, memory: 256Mi}
      limits: {cpu: 500m, memory: 128Mi}` }, { resources: `
      requests: {cpu: 250m, memory: 128Mi}
      limits: {cpu: 500m, memory: 256Mi}` }),
  docUrl: DOCS,
  check(ctx) {
    for (const r of allResources(ctx)) {
      for (const req of r.requests) {
        if (!req.quantity) continue;
        const limit = r.limits.find((l) => l.name === req.name);
        const reqPath = [...r.path, 'requests'];
        if (limit?.quantity) {
          const cmp = compareQuantities(req.quantity, limit.quantity);
          const detail = cmp !== 0 && !isOvercommitAllowed(req.name) ? 'must be equal to' : cmp > 0 ? 'must be less than or equal to' : undefined;
          if (detail) ctx.report({ node: req.valueNode, path: reqPath, message: k8s.invalid(quantityToString(req.quantity), `${detail} ${req.name} limit of ${quantityToString(limit.quantity)}`) });
        } else if (!limit && !isOvercommitAllowed(req.name)) {
          ctx.report({ node: req.pair, on: 'key', path: [...r.path, 'limits'], message: k8s.required('Limit must be set for non overcommitable resources') });
        }
      }
    }
  },
};

function allResources(ctx: PodContext): ContainerResources[] {
  return ctx.containers.map((c) => containerResources(c, ctx.doc)).filter((r): r is ContainerResources => !!r);
}
