import { isScalar, type Document, type YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import { POD_SPEC_PATHS } from '../../k8sObject';
import type { PathSeg } from '../../path';
import type { ObjectContext, ObjectRule } from '../../rule';
import { annotationsSize, byteLength, isAnnotationKey, isDNS1123Label, isDNS1123Subdomain, isLabelValue, isQualifiedName, maskTrailingDash, TOTAL_ANNOTATION_SIZE_LIMIT_B } from '../../validation/names';
import { asMap, getNode, getPair, keyName, pairs, resolve } from '../../yamlNodes';
import { intField, isSet, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

// ValidateObjectMeta with each kind's name function: StatefulSet names become pod hostnames, so
// they must be DNS-1123 labels; every other kind we check takes DNS-1123 subdomains.
const LABEL_NAMED = new Set(['StatefulSet']);
const CRONJOB_NAME_MAX = 52;

export const objectNameInvalid: ObjectRule = {
  code: 'object-name-invalid',
  severity: 'error',
  category: 'api',
  scope: 'object',
  description: 'metadata.name (or generateName) is missing or not valid for the kind; metadata.namespace is not a DNS-1123 label.',
  remediation: 'Name the object with lower-case letters, digits, \'-\' and \'.\' (a StatefulSet: no \'.\'), starting and ending with a letter or digit.',
  examples: podExamples({ name: 'web_1' }, { name: 'web-1' }),
  docUrl: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    const metaPair = getPair(ctx.object.root, 'metadata');
    const meta = asMap(metaPair?.value, ctx.doc);
    if (!meta && isSet(ctx.object.root, 'metadata', ctx.doc)) return;
    const nameFn = LABEL_NAMED.has(ctx.object.kind) ? isDNS1123Label : isDNS1123Subdomain;
    const name = stringField(meta, 'name', ctx.doc);
    const generateName = stringField(meta, 'generateName', ctx.doc);
    // A name of another type fails decoding before validation; the schema rules report that.
    if ((!name && isSet(meta, 'name', ctx.doc)) || (!generateName && isSet(meta, 'generateName', ctx.doc))) return;
    if (generateName && generateName.value !== '') {
      for (const msg of nameFn(maskTrailingDash(generateName.value))) ctx.report({ node: generateName.node, path: ['metadata', 'generateName'], message: k8s.invalid(generateName.value, msg) });
    }
    if (name && name.value !== '') {
      for (const msg of nameFn(name.value)) ctx.report({ node: name.node, path: ['metadata', 'name'], message: k8s.invalid(name.value, msg), fixes: lowerFix(ctx, name, nameFn) });
      if (ctx.object.kind === 'CronJob' && byteLength(name.value) > CRONJOB_NAME_MAX) {
        ctx.report({ node: name.node, path: ['metadata', 'name'], message: k8s.invalid(name.value, `must be no more than ${CRONJOB_NAME_MAX} characters`) });
      }
      if (ctx.object.kind === 'Job') checkIndexedJobHostname(ctx, name.value, name.node);
    } else if (!generateName || generateName.value === '') {
      const node = name?.node ?? getPair(meta, 'name') ?? metaPair ?? ctx.object.root;
      ctx.report({ node, on: 'key', path: ['metadata', 'name'], message: k8s.required('name or generateName is required') });
    }
    const namespace = stringField(meta, 'namespace', ctx.doc);
    if (namespace && namespace.value !== '') {
      for (const msg of isDNS1123Label(namespace.value)) ctx.report({ node: namespace.node, path: ['metadata', 'namespace'], message: k8s.invalid(namespace.value, msg) });
    }
  },
};

function lowerFix(ctx: ObjectContext, f: NonNullable<ReturnType<typeof stringField>>, nameFn: (v: string) => string[]) {
  const lower = f.value.toLowerCase();
  const fix = lower !== f.value && nameFn(lower).length === 0 ? ctx.replaceFix(`Change to "${lower}"`, f.node, lower) : undefined;
  return fix ? [fix] : undefined;
}

/** ValidateJob: an Indexed Job's last pod hostname is `<name>-<completions-1>`, which must be a DNS label. */
function checkIndexedJobHostname(ctx: ObjectContext, name: string, node: Parameters<ObjectContext['replaceFix']>[1]): void {
  const spec = asMap(getNode(ctx.object.root, 'spec', ctx.doc), ctx.doc);
  const completions = intField(spec, 'completions', ctx.doc)?.value ?? 0;
  if (stringField(spec, 'completionMode', ctx.doc)?.value !== 'Indexed' || completions <= 0) return;
  const hostname = `${name}-${completions - 1}`;
  if (isDNS1123Label(hostname).length) ctx.report({ node, path: ['metadata', 'name'], message: k8s.invalid(name, `will not able to create pod with invalid DNS label: ${hostname}`) });
}

interface MetaLocation { meta: YAMLMap; path: PathSeg[] }

/** The object's metadata and, for workloads, its pod template's metadata. */
function metadataOf(ctx: ObjectContext): MetaLocation[] {
  const out: MetaLocation[] = [];
  const own = asMap(getNode(ctx.object.root, 'metadata', ctx.doc), ctx.doc);
  if (own) out.push({ meta: own, path: ['metadata'] });
  const specPath = POD_SPEC_PATHS[ctx.object.kind];
  if (specPath && specPath.length > 1) {
    const templatePath = specPath.slice(0, -1);
    let node: YAMLMap | undefined = ctx.object.root;
    for (const seg of templatePath) node = asMap(getNode(node, seg, ctx.doc), ctx.doc);
    const meta = asMap(getNode(node, 'metadata', ctx.doc), ctx.doc);
    if (meta) out.push({ meta, path: [...templatePath, 'metadata'] });
  }
  return out;
}

/** The pod spec's nodeSelector, which ValidatePodSpec checks with ValidateLabels too. */
function nodeSelectorOf(ctx: ObjectContext): MetaLocation | undefined {
  const specPath = POD_SPEC_PATHS[ctx.object.kind];
  if (!specPath) return undefined;
  let node: YAMLMap | undefined = ctx.object.root;
  for (const seg of specPath) node = asMap(getNode(node, seg, ctx.doc), ctx.doc);
  const selector = asMap(getNode(node, 'nodeSelector', ctx.doc), ctx.doc);
  return selector ? { meta: selector, path: [...specPath, 'nodeSelector'] } : undefined;
}

// ValidateLabels reports every bad key or value against the labels map itself (no key in the path).
export const labelsInvalid: ObjectRule = {
  code: 'labels-invalid',
  severity: 'error',
  category: 'api',
  scope: 'object',
  description: 'A label key or value (metadata.labels, pod template labels, nodeSelector) is not valid.',
  remediation: 'Use label keys of the form `prefix/name` and values of at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit.',
  examples: podExamples({ metadata: `
      labels:
        app: web server` }, { metadata: `
      labels:
        app: web-server` }),
  docUrl: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  check(ctx) {
    const maps = metadataOf(ctx).map(({ meta, path }) => ({ map: asMap(getNode(meta, 'labels', ctx.doc), ctx.doc), path: [...path, 'labels'] }));
    const selector = nodeSelectorOf(ctx);
    if (selector) maps.push({ map: selector.meta, path: selector.path });
    for (const { map, path } of maps) if (map) checkLabels(ctx, map, path);
  },
};

function checkLabels(ctx: ObjectContext, labels: YAMLMap, path: PathSeg[]): void {
  for (const pair of pairs(labels)) {
    const key = keyName(pair);
    if (key === undefined) continue;
    for (const msg of isQualifiedName(key)) ctx.report({ node: pair, on: 'key', path, message: k8s.invalid(key, msg) });
    const value = stringValue(pair.value, ctx.doc);
    if (value === undefined) continue;
    for (const msg of isLabelValue(value)) ctx.report({ node: pair, path, message: k8s.invalid(value, msg) });
  }
}

/** A string value, or "" for null (Go decodes null into the empty string); undefined for other types. */
function stringValue(node: unknown, doc: Document): string | undefined {
  const n = resolve(node, doc);
  if (!n) return '';
  if (!isScalar(n)) return undefined;
  if (n.value === null || n.value === undefined) return '';
  return typeof n.value === 'string' ? n.value : undefined;
}

// ValidateAnnotations: keys are qualified names compared in lower case, and keys plus values may
// not exceed 256 KiB in total.
export const annotationsInvalid: ObjectRule = {
  code: 'annotations-invalid',
  severity: 'error',
  category: 'api',
  scope: 'object',
  description: 'An annotation key is not a valid qualified name, or all annotations together exceed 256 KiB.',
  remediation: 'Use annotation keys of the form `prefix/name` with letters, digits, \'-\', \'_\' and \'.\', and keep all annotations under 256 KiB.',
  examples: podExamples({ metadata: `
      annotations:
        "example.com/owner team": platform` }, { metadata: `
      annotations:
        example.com/owner-team: platform` }),
  docUrl: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/#syntax-and-character-set',
  check(ctx) {
    for (const { meta, path } of metadataOf(ctx)) {
      const pair = getPair(meta, 'annotations');
      const annotations = asMap(pair?.value, ctx.doc);
      if (!pair || !annotations) continue;
      const annPath = [...path, 'annotations'];
      const entries: [string, string][] = [];
      for (const p of pairs(annotations)) {
        const key = keyName(p);
        if (key === undefined) continue;
        for (const msg of isAnnotationKey(key)) ctx.report({ node: p, on: 'key', path: annPath, message: k8s.invalid(key, msg) });
        entries.push([key, stringValue(p.value, ctx.doc) ?? '']);
      }
      if (annotationsSize(entries) > TOTAL_ANNOTATION_SIZE_LIMIT_B) ctx.report({ node: pair, on: 'key', path: annPath, message: k8s.tooLong(TOTAL_ANNOTATION_SIZE_LIMIT_B) });
    }
  },
};
