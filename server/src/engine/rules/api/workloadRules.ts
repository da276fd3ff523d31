import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import type { ObjectContext, ObjectRule } from '../../rule';
import { parseLabelSelector, selectorMatches, type Requirement } from '../../validation/labelSelector';
import { asMap, asScalar, getNode, getPair, keyName, pairs, resolve, toPlain } from '../../yamlNodes';
import { boolField, isSet, stringField } from './fields';
import { deployment } from '../../exampleManifests';

const APPS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);
const RESTART_ALWAYS_KINDS = new Set([...APPS, 'ReplicationController']);
/** The kind named in "activeDeadlineSeconds in <Kind> is not Supported" (Deployments reuse ReplicaSet's check). */
const DEADLINE_KIND: Record<string, string> = {
  Deployment: 'ReplicaSet', ReplicaSet: 'ReplicaSet', StatefulSet: 'StatefulSet', DaemonSet: 'DaemonSet', ReplicationController: 'ReplicationController',
};
const EMPTY_SELECTOR_NOUN: Record<string, string> = { Deployment: 'deployment', ReplicaSet: 'deployment', StatefulSet: 'statefulset', DaemonSet: 'daemonset' };
const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const JOB_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

interface Template {
  pair: Pair | undefined;
  map: YAMLMap | undefined;
  path: PathSeg[];
  labels: Record<string, string>;
  /** False when the template has no labels map at all (Go's nil map, printed as null). */
  labelsPresent: boolean;
  labelsNode: Node | Pair | undefined;
  /** A label value is a list or a map: the object does not decode, so there is nothing to match. */
  undecodable: boolean;
}

function templateOf(ctx: ObjectContext, specPath: PathSeg[], spec: YAMLMap | undefined): Template {
  const pair = getPair(spec, 'template');
  const map = asMap(pair?.value, ctx.doc);
  const meta = asMap(getNode(map, 'metadata', ctx.doc), ctx.doc);
  const labelsPair = getPair(meta, 'labels');
  const labels: Record<string, string> = {};
  const labelsMap = asMap(labelsPair?.value, ctx.doc);
  let undecodable = false;
  for (const p of pairs(labelsMap)) {
    if (!asScalar(p.value, ctx.doc) && resolve(p.value, ctx.doc)) undecodable = true;
    const k = keyName(p);
    const v = asScalar(p.value, ctx.doc)?.value;
    // A label value that is a list or a map does not decode at all (invalid-type says so): no label.
    if (k !== undefined && (v === null || v === undefined || isScalarValue(v))) labels[k] = v === null || v === undefined ? '' : String(v);
  }
  return { pair, map, path: [...specPath, 'template'], labels, labelsPresent: !!labelsMap, undecodable, labelsNode: labelsPair ?? getPair(meta, 'metadata') ?? getPair(map, 'metadata') ?? pair };
}

function isScalarValue(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint';
}

function specOf(ctx: ObjectContext): YAMLMap | undefined {
  return asMap(getNode(ctx.object.root, 'spec', ctx.doc), ctx.doc);
}

/** Go's json.Marshal of map[string]string: keys sorted; a nil map is null. */
function labelsJson(labels: Record<string, string>, present: boolean): unknown {
  if (!present) return null;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function toJS(node: unknown, doc: Document): unknown {
  return resolve(node, doc) ? toPlain(node, doc) : undefined;
}

// ValidatePodTemplateSpecForReplicaSet / ForStatefulSet, ValidateDaemonSetSpec,
// ValidatePodTemplateSpecForRC, ValidateJobSpec: the workload's selector must select its own pods.
export const selectorMismatch: ObjectRule = {
  code: 'selector-mismatch',
  severity: 'error',
  category: 'api',
  scope: 'object',
  description: 'The workload\'s selector does not match its pod template\'s labels (or is empty, or is set where the API server generates it).',
  remediation: 'Make the selector match the pod template\'s labels (or the labels match the selector).',
  examples: { bad: deployment({ labels: 'labels: {app: website}' }), good: deployment() },
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector',
  check(ctx) {
    const spec = specOf(ctx);
    if (!spec) return;
    const kind = ctx.object.kind;
    if (APPS.has(kind)) checkAppsSelector(ctx, spec);
    else if (kind === 'ReplicationController') checkRcSelector(ctx, spec);
    else if (kind === 'Job') checkJobSelector(ctx, spec);
    else if (kind === 'CronJob') checkCronJobSelector(ctx, spec);
  },
};

function reportMismatch(ctx: ObjectContext, t: Template): void {
  if (t.undecodable) return;
  const path = [...t.path, 'metadata', 'labels'];
  ctx.report({ node: t.labelsNode ?? ctx.object.root, on: 'key', path, message: k8s.invalid(labelsJson(t.labels, t.labelsPresent), '`selector` does not match template `labels`') });
}

function parsedSelector(ctx: ObjectContext, spec: YAMLMap): { pair: Pair; requirements: Requirement[]; js: unknown } | undefined {
  const pair = isSet(spec, 'selector', ctx.doc);
  const js = pair ? toJS(pair.value, ctx.doc) : undefined;
  if (!pair || typeof js !== 'object' || js === null) return undefined;
  const parsed = parseLabelSelector(js as Record<string, unknown>);
  return parsed.ok ? { pair, requirements: parsed.requirements, js } : undefined;
}

function checkAppsSelector(ctx: ObjectContext, spec: YAMLMap): void {
  const t = templateOf(ctx, ['spec'], spec);
  const sel = parsedSelector(ctx, spec);
  if (!sel) return;
  if (sel.requirements.length === 0) {
    ctx.report({ node: sel.pair, path: ['spec', 'selector'], message: k8s.invalid(sel.js, `empty selector is invalid for ${EMPTY_SELECTOR_NOUN[ctx.object.kind]}`) });
    return;
  }
  if (t.map && !selectorMatches(sel.requirements, t.labels)) reportMismatch(ctx, t);
}

/** An RC without a selector gets its template's labels as one (SetDefaults_ReplicationController). */
function checkRcSelector(ctx: ObjectContext, spec: YAMLMap): void {
  const t = templateOf(ctx, ['spec'], spec);
  const js = toJS(getNode(spec, 'selector', ctx.doc), ctx.doc);
  if (!t.map || typeof js !== 'object' || js === null || Object.keys(js).length === 0) return;
  const parsed = parseLabelSelector({ matchLabels: js });
  if (parsed.ok && !selectorMatches(parsed.requirements, t.labels)) reportMismatch(ctx, t);
}

/**
 * Without manualSelector the Job strategy adds job-name and controller-uid labels to the template
 * and a controller-uid requirement to the selector before validation. The uid is unknown here, so
 * requirements on it are assumed to hold.
 */
function checkJobSelector(ctx: ObjectContext, spec: YAMLMap): void {
  const t = templateOf(ctx, ['spec'], spec);
  const manual = boolField(spec, 'manualSelector', ctx.doc)?.value === true;
  const selPair = isSet(spec, 'selector', ctx.doc);
  if (manual && !selPair) {
    ctx.report({ node: getPair(spec, 'manualSelector'), on: 'key', path: ['spec', 'selector'], message: k8s.required() });
    return;
  }
  const sel = parsedSelector(ctx, spec);
  if (!sel || !t.map) return;
  if (manual) {
    if (!selectorMatches(sel.requirements, t.labels)) reportMismatch(ctx, t);
    return;
  }
  const name = stringField(asMap(getNode(ctx.object.root, 'metadata', ctx.doc), ctx.doc), 'name', ctx.doc)?.value ?? '';
  const knowable = sel.requirements.filter((r) => !JOB_UID_LABELS.includes(r.key));
  const generated: Record<string, string> = Object.fromEntries(JOB_NAME_LABELS.map((k) => [k, name]));
  if (!selectorMatches(knowable, { ...generated, ...t.labels })) reportMismatch(ctx, t);
  if (!selectorMatches(knowable, generated)) ctx.report({ node: sel.pair, on: 'key', path: ['spec', 'selector'], message: k8s.invalid(sel.js, '`selector` not auto-generated') });
}

/** ValidateJobTemplateSpec: a CronJob's jobs always get generated selectors. */
function checkCronJobSelector(ctx: ObjectContext, spec: YAMLMap): void {
  const jobSpec = asMap(getNode(asMap(getNode(spec, 'jobTemplate', ctx.doc), ctx.doc), 'spec', ctx.doc), ctx.doc);
  const base = ['spec', 'jobTemplate', 'spec'];
  const selPair = isSet(jobSpec, 'selector', ctx.doc);
  if (selPair) ctx.report({ node: selPair, on: 'key', path: [...base, 'selector'], message: k8s.invalid(toJS(selPair.value, ctx.doc), '`selector` will be auto-generated') });
  const manual = boolField(jobSpec, 'manualSelector', ctx.doc);
  if (manual?.value === true) ctx.report({ node: manual.node, path: [...base, 'manualSelector'], message: k8s.notSupported(true, ['nil', 'false']) });
}

// The controllers' own restartPolicy and activeDeadlineSeconds requirements on the pod template.
export const templateRestartPolicy: ObjectRule = {
  code: 'template-restart-policy',
  severity: 'error',
  category: 'api',
  scope: 'object',
  description: 'The pod template\'s restartPolicy is not one the controller accepts (Always for Deployments and the like, OnFailure or Never for Jobs).',
  remediation: 'Set the template\'s restartPolicy to Always for Deployments and the like (or leave it out), OnFailure or Never for Jobs.',
  examples: { bad: deployment({ spec: 'restartPolicy: Never' }), good: deployment() },
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template',
  check(ctx) {
    const kind = ctx.object.kind;
    const jobSpecPath: PathSeg[] = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
    let jobSpec = specOf(ctx);
    if (kind === 'CronJob') jobSpec = asMap(getNode(asMap(getNode(jobSpec, 'jobTemplate', ctx.doc), ctx.doc), 'spec', ctx.doc), ctx.doc);
    if (!jobSpec) return;
    const t = templateOf(ctx, jobSpecPath, jobSpec);
    const podSpecPair = getPair(t.map, 'spec');
    const podSpec = asMap(podSpecPair?.value, ctx.doc);
    if (!podSpec) return;
    const path = [...t.path, 'spec', 'restartPolicy'];
    const f = stringField(podSpec, 'restartPolicy', ctx.doc);
    if (!f && isSet(podSpec, 'restartPolicy', ctx.doc)) return;
    const policy = f?.value || 'Always';
    // A value outside Always/OnFailure/Never is already reported by value-not-supported.
    if (!POD_RESTART_POLICIES.includes(policy)) return;
    if (RESTART_ALWAYS_KINDS.has(kind) && policy !== 'Always') {
      const fix = f ? ctx.replaceFix('Change to "Always"', f.node, 'Always') : undefined;
      ctx.report({ node: f?.node, path, message: k8s.notSupported(policy, ['Always']), fixes: fix ? [fix] : undefined });
    } else if ((kind === 'Job' || kind === 'CronJob') && policy === 'Always') {
      ctx.report({ node: f?.node ?? podSpecPair, on: f ? undefined : 'key', path, message: k8s.required('valid values: "OnFailure", "Never"') });
    } else if ((kind === 'Job' || kind === 'CronJob') && policy !== 'Never' && isSet(jobSpec, 'podFailurePolicy', ctx.doc)) {
      ctx.report({ node: f?.node, path, message: k8s.invalid(policy, 'only "Never" is supported when podFailurePolicy is specified') });
    }
  },
};

export const templateActiveDeadlineForbidden: ObjectRule = {
  code: 'template-active-deadline-forbidden',
  severity: 'error',
  category: 'api',
  scope: 'object',
  description: 'A Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController pod template sets activeDeadlineSeconds.',
  remediation: 'Remove activeDeadlineSeconds from the pod template; only a Job or a bare Pod may set it.',
  examples: { bad: deployment({ spec: 'activeDeadlineSeconds: 3600' }), good: deployment() },
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
  check(ctx) {
    const owner = DEADLINE_KIND[ctx.object.kind];
    if (!owner) return;
    const t = templateOf(ctx, ['spec'], specOf(ctx));
    const pair = isSet(asMap(getNode(t.map, 'spec', ctx.doc), ctx.doc), 'activeDeadlineSeconds', ctx.doc);
    if (pair) ctx.report({ node: pair, on: 'key', path: [...t.path, 'spec', 'activeDeadlineSeconds'], message: k8s.forbidden(`activeDeadlineSeconds in ${owner} is not Supported`) });
  },
};
