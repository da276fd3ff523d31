import type { YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems, type ContainerRef } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { asMap, getNode } from '../../yamlNodes';
import { stringField } from './fields';
import { HANDLER_OWNERS, validatesHandlers } from './handlers';
import { podExamples } from '../../exampleManifests';

// Fixed-value string fields kube-apiserver checks with field.NotSupported (validation.go). Lists
// keep the server's order: literal slices as written, sets.List() ones sorted. An empty string is
// defaulted before validation for most of them (pkg/apis/core/v1/defaults.go), so it passes;
// pointer fields keep "" and fail.
interface EnumSpec {
  key: string;
  values: readonly string[];
  /** What an explicit "" gets: defaulted (skip), Required, or NotSupported. */
  empty: 'defaulted' | 'required' | 'unsupported';
  /** The path the server names, when it differs from the field's own. */
  reportPath?: (fieldPath: PathSeg[]) => PathSeg[];
}

const POD_ENUMS: readonly EnumSpec[] = [
  { key: 'restartPolicy', values: ['Always', 'OnFailure', 'Never'], empty: 'defaulted' },
  { key: 'dnsPolicy', values: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], empty: 'defaulted' },
  { key: 'preemptionPolicy', values: ['PreemptLowerPriority', 'Never'], empty: 'required' },
];

const CONTAINER_ENUMS: readonly EnumSpec[] = [
  { key: 'imagePullPolicy', values: ['Always', 'IfNotPresent', 'Never'], empty: 'defaulted' },
  { key: 'terminationMessagePolicy', values: ['File', 'FallbackToLogsOnError'], empty: 'defaulted' },
];

const PORT_PROTOCOL: EnumSpec = { key: 'protocol', values: ['SCTP', 'TCP', 'UDP'], empty: 'defaulted' };
// ValidateVolumeMounts passes fldPath.Child("mountPropagation") without the mount's index.
const MOUNT_PROPAGATION: EnumSpec = {
  key: 'mountPropagation', values: ['Bidirectional', 'HostToContainer', 'None'], empty: 'unsupported',
  reportPath: (p) => [...p.slice(0, -2), 'mountPropagation'],
};
const RECURSIVE_READ_ONLY: EnumSpec = {
  key: 'recursiveReadOnly', values: ['Disabled', 'Enabled', 'IfPossible'], empty: 'unsupported',
  reportPath: (p) => [...p.slice(0, -2), 'recursiveReadOnly'],
};
const HTTP_SCHEME: EnumSpec = { key: 'scheme', values: ['HTTP', 'HTTPS'], empty: 'defaulted' };
// validateOS reports the unsupported name against `os`, not `os.name`.
const OS_NAME: EnumSpec = { key: 'name', values: ['linux', 'windows'], empty: 'required', reportPath: (p) => p.slice(0, -1) };

export const valueNotSupported: PodRule = {
  code: 'value-not-supported',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A field with a fixed set of values holds a value the API server does not support.',
  remediation: 'Use one of the values the message lists (the quick fix corrects a value that differs only in case).',
  examples: podExamples({ spec: 'restartPolicy: Sometimes' }, { spec: 'restartPolicy: OnFailure' }),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
  check(ctx) {
    for (const spec of POD_ENUMS) checkEnum(ctx, ctx.spec, ctx.pod.specPath, spec);
    const os = asMap(getNode(ctx.spec, 'os', ctx.doc), ctx.doc);
    if (os) checkEnum(ctx, os, [...ctx.pod.specPath, 'os'], OS_NAME);
    for (const c of ctx.containers) checkContainer(ctx, c);
  },
};

function checkContainer(ctx: PodContext, c: ContainerRef): void {
  for (const spec of CONTAINER_ENUMS) checkEnum(ctx, c.node, c.path, spec);
  for (const port of mapItems(c.node, 'ports', c.path, ctx.doc)) checkEnum(ctx, port.node, port.path, PORT_PROTOCOL);
  for (const mount of mapItems(c.node, 'volumeMounts', c.path, ctx.doc)) {
    checkEnum(ctx, mount.node, mount.path, MOUNT_PROPAGATION);
    checkEnum(ctx, mount.node, mount.path, RECURSIVE_READ_ONLY);
  }
  if (!validatesHandlers(c)) return;
  for (const owner of HANDLER_OWNERS) {
    const handler = asMap(getNode(c.node, owner.key, ctx.doc), ctx.doc);
    for (const sub of owner.handlers) {
      const holder = sub ? asMap(getNode(handler, sub, ctx.doc), ctx.doc) : handler;
      const httpGet = asMap(getNode(holder, 'httpGet', ctx.doc), ctx.doc);
      const base = sub ? [...c.path, owner.key, sub, 'httpGet'] : [...c.path, owner.key, 'httpGet'];
      if (httpGet) checkEnum(ctx, httpGet, base, HTTP_SCHEME);
    }
  }
}

export function checkEnum(ctx: PodContext, map: YAMLMap, base: readonly PathSeg[], spec: EnumSpec): void {
  const f = stringField(map, spec.key, ctx.doc);
  if (!f || spec.values.includes(f.value)) return;
  const fieldPath = [...base, spec.key];
  const path = spec.reportPath ? spec.reportPath(fieldPath) : fieldPath;
  if (f.value === '') {
    if (spec.empty === 'defaulted') return;
    if (spec.empty === 'required') {
      ctx.report({ node: f.node, path, message: k8s.required() });
      return;
    }
  }
  ctx.report({ node: f.node, path, message: k8s.notSupported(f.value, spec.values), fixes: caseFix(ctx, f.node, f.value, spec.values) });
}

/** `always` -> `Always`: offered only when the value differs from a supported one by case alone. */
export function caseFix(ctx: PodContext, node: Parameters<PodContext['replaceFix']>[1], value: string, values: readonly string[]) {
  const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
  const fix = match ? ctx.replaceFix(`Change to "${match}"`, node, match) : undefined;
  return fix ? [fix] : undefined;
}
