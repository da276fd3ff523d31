import type { YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isRelaxedEnvVarName, maskTrailingDash } from '../../validation/names';
import { asMap, getNode } from '../../yamlNodes';
import { isSet, requiredString, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

const DOCS = 'https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/';

// ValidateEnv / ValidateEnvFrom with RelaxedEnvironmentVariableValidation (GA and locked on since
// 1.34): a name is any printable ASCII except '='. envFrom prefixes follow the same rule.
export const envNameInvalid: PodRule = {
  code: 'env-name-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'An environment variable name (or envFrom prefix) is empty or has characters other than printable ASCII without \'=\'.',
  remediation: 'Name the variable with printable ASCII characters other than \'=\'.',
  examples: podExamples({ container: `
      env:
      - name: LOG=LEVEL
        value: debug` }, { container: `
      env:
      - name: LOG_LEVEL
        value: debug` }),
  docUrl: DOCS,
  check(ctx) {
    for (const c of ctx.containers) {
      for (const env of mapItems(c.node, 'env', c.path, ctx.doc)) {
        const name = requiredString(env.node, 'name', ctx.doc);
        const path = [...env.path, 'name'];
        if (name.kind === 'missing') ctx.report({ ...name.target, path, message: k8s.required() });
        else if (name.kind === 'set') for (const msg of isRelaxedEnvVarName(name.field.value)) ctx.report({ node: name.field.node, path, message: k8s.invalid(name.field.value, msg) });
      }
      for (const from of mapItems(c.node, 'envFrom', c.path, ctx.doc)) {
        const f = stringField(from.node, 'prefix', ctx.doc);
        if (f && f.value !== '') for (const msg of isRelaxedEnvVarName(f.value)) ctx.report({ node: f.node, path: [...from.path, 'prefix'], message: k8s.invalid(f.value, msg) });
      }
    }
  },
};

const VALUE_FROM = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const CONVERTIBLE = new Set([...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase', 'spec.host']);

// validateEnvVarValueFrom (EnvFiles is beta and on in 1.36, hence fileKeyRef) and ValidateEnvFrom:
// exactly one source, not combined with `value`, and well-formed references.
export const envSourceInvalid: PodRule = {
  code: 'env-source-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'An env valueFrom or envFrom entry has no source, several sources, or a malformed reference.',
  remediation: 'Give each valueFrom exactly one source with its name and key, and do not combine it with value.',
  examples: podExamples({ container: `
      env:
      - name: DB_PASSWORD
        value: changeme
        valueFrom:
          secretKeyRef: {name: db, key: password}` }, { container: `
      env:
      - name: DB_PASSWORD
        valueFrom:
          secretKeyRef: {name: db, key: password}` }),
  docUrl: DOCS,
  check(ctx) {
    for (const c of ctx.containers) {
      for (const env of mapItems(c.node, 'env', c.path, ctx.doc)) checkValueFrom(ctx, env.node, env.path);
      for (const from of mapItems(c.node, 'envFrom', c.path, ctx.doc)) checkEnvFrom(ctx, from.node, from.path, [...c.path, 'envFrom']);
    }
  },
};

function checkValueFrom(ctx: PodContext, env: YAMLMap, envPath: PathSeg[]): void {
  const pair = isSet(env, 'valueFrom', ctx.doc);
  const valueFrom = asMap(pair?.value, ctx.doc);
  if (!pair || !valueFrom) return;
  const path = [...envPath, 'valueFrom'];
  const sources = VALUE_FROM.filter((k) => isSet(valueFrom, k, ctx.doc));
  const value = stringField(env, 'value', ctx.doc)?.value ?? '';
  if (sources.length === 0) ctx.report({ node: pair, on: 'key', path, message: k8s.invalid('', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`') });
  else if (value !== '') ctx.report({ node: pair, on: 'key', path, message: k8s.invalid('', 'may not be specified when `value` is not empty') });
  else if (sources.length > 1) ctx.report({ node: isSet(valueFrom, sources[1]!, ctx.doc), on: 'key', path, message: k8s.invalid('', 'may not have more than one field specified at a time') });
  for (const key of ['configMapKeyRef', 'secretKeyRef']) {
    const ref = asMap(getNode(valueFrom, key, ctx.doc), ctx.doc);
    if (ref) checkKeySelector(ctx, ref, [...path, key]);
  }
  const fieldRef = asMap(getNode(valueFrom, 'fieldRef', ctx.doc), ctx.doc);
  if (fieldRef) checkFieldRef(ctx, fieldRef, [...path, 'fieldRef']);
  const fileKeyRef = asMap(getNode(valueFrom, 'fileKeyRef', ctx.doc), ctx.doc);
  if (fileKeyRef) checkFileKeyRef(ctx, fileKeyRef, [...path, 'fileKeyRef']);
}

/** validateFileKeySelector plus validateFileKeyRefVolumes: the volume must be a declared emptyDir. */
function checkFileKeyRef(ctx: PodContext, ref: YAMLMap, path: PathSeg[]): void {
  const key = requiredString(ref, 'key', ctx.doc);
  if (key.kind === 'missing') ctx.report({ ...key.target, path: [...path, 'key'], message: k8s.required() });
  else if (key.kind === 'set') for (const msg of isRelaxedEnvVarName(key.field.value)) ctx.report({ node: key.field.node, path: [...path, 'key'], message: k8s.invalid(key.field.value, msg) });
  const volumeName = requiredString(ref, 'volumeName', ctx.doc);
  const volumePath = [...path, 'volumeName'];
  if (volumeName.kind === 'missing') ctx.report({ ...volumeName.target, path: volumePath, message: k8s.required() });
  if (volumeName.kind === 'set') {
    const volume = volumeName.field;
    for (const msg of isDNS1123Label(volume.value)) ctx.report({ node: volume.node, path: volumePath, message: k8s.invalid(volume.value, msg) });
    const declared = mapItems(ctx.spec, 'volumes', ctx.pod.specPath, ctx.doc).find((v) => stringField(v.node, 'name', ctx.doc)?.value === volume.value);
    if (!declared) ctx.report({ node: volume.node, path: volumePath, message: k8s.notFound(volume.value) });
    else if (!isSet(declared.node, 'emptyDir', ctx.doc)) ctx.report({ node: volume.node, path: volumePath, message: k8s.invalid(volume.value, 'referenced volume must be of type emptyDir') });
  }
  const file = requiredString(ref, 'path', ctx.doc);
  if (file.kind === 'missing') ctx.report({ ...file.target, path: [...path, 'path'], message: k8s.required() });
  else if (file.kind === 'set' && file.field.value.split('/').includes('..')) ctx.report({ node: file.field.node, path: [...path, 'path'], message: k8s.invalid(file.field.value, "must not contain '..'") });
}

/** validateConfigMapKeySelector / validateSecretKeySelector: the name is checked even when empty. */
function checkKeySelector(ctx: PodContext, ref: YAMLMap, path: PathSeg[]): void {
  const name = requiredString(ref, 'name', ctx.doc);
  if (name.kind !== 'wrong-type') {
    const value = name.kind === 'set' ? name.field.value : '';
    const target = name.kind === 'set' ? { node: name.field.node } : name.target;
    for (const msg of isDNS1123Subdomain(value)) ctx.report({ ...target, path: [...path, 'name'], message: k8s.invalid(value, msg) });
  }
  const key = requiredString(ref, 'key', ctx.doc);
  if (key.kind === 'missing') ctx.report({ ...key.target, path: [...path, 'key'], message: k8s.required() });
  else if (key.kind === 'set') for (const msg of isConfigMapKey(key.field.value)) ctx.report({ node: key.field.node, path: [...path, 'key'], message: k8s.invalid(key.field.value, msg) });
}

/** validateObjectFieldSelector after defaulting apiVersion to v1. */
function checkFieldRef(ctx: PodContext, ref: YAMLMap, path: PathSeg[]): void {
  const apiVersion = stringField(ref, 'apiVersion', ctx.doc)?.value || 'v1';
  const fieldPathField = requiredString(ref, 'fieldPath', ctx.doc);
  if (fieldPathField.kind === 'missing') ctx.report({ ...fieldPathField.target, path: [...path, 'fieldPath'], message: k8s.required() });
  if (fieldPathField.kind !== 'set') return;
  const fp = fieldPathField.field;
  const fieldPath = [...path, 'fieldPath'];
  const sub = splitSubscript(fp.value);
  let error: string | undefined;
  if (apiVersion !== 'v1') error = `unsupported pod version: ${apiVersion}`;
  else if (sub && sub.path !== 'metadata.annotations' && sub.path !== 'metadata.labels') error = `field label does not support subscript: ${fp.value}`;
  else if (!sub && !CONVERTIBLE.has(fp.value)) error = `field label not supported: ${fp.value}`;
  if (error) {
    ctx.report({ node: fp.node, path: fieldPath, message: k8s.invalid(fp.value, `error converting fieldPath: ${error}`) });
  } else if (sub) {
    const key = sub.path === 'metadata.annotations' ? sub.subscript.toLowerCase() : sub.subscript;
    for (const msg of isQualifiedName(key)) ctx.report({ node: fp.node, path, message: k8s.invalid(key, msg) });
  } else {
    const internal = fp.value === 'spec.host' ? 'spec.nodeName' : fp.value;
    if (!ENV_FIELD_PATHS.includes(internal)) ctx.report({ node: fp.node, path: fieldPath, message: k8s.notSupported(internal, [...ENV_FIELD_PATHS].sort()) });
  }
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']`. */
function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return { path: s.slice(0, at), subscript: s.slice(at + 2) };
}

function checkEnvFrom(ctx: PodContext, from: YAMLMap, fromPath: PathSeg[], listPath: PathSeg[]): void {
  const sources = ['configMapRef', 'secretRef'].filter((k) => isSet(from, k, ctx.doc));
  // The server reports these two against the envFrom list itself, without the entry's index.
  if (sources.length === 0) ctx.report({ node: from, path: listPath, message: k8s.invalid('', 'must specify one of: `configMapRef` or `secretRef`') });
  else if (sources.length > 1) ctx.report({ node: isSet(from, sources[1]!, ctx.doc), on: 'key', path: listPath, message: k8s.invalid('', 'may not have more than one field specified at a time') });
  const cm = asMap(getNode(from, 'configMapRef', ctx.doc), ctx.doc);
  if (!cm) return;
  const name = requiredString(cm, 'name', ctx.doc);
  const path = [...fromPath, 'configMapRef', 'name'];
  if (name.kind === 'missing') ctx.report({ ...name.target, path, message: k8s.required() });
  // ValidateConfigMapName is called with prefix=true here, which tolerates one trailing '-'.
  else if (name.kind === 'set') for (const msg of isDNS1123Subdomain(maskTrailingDash(name.field.value))) ctx.report({ node: name.field.node, path, message: k8s.invalid(name.field.value, msg) });
}
