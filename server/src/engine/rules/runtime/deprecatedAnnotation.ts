import type { Document, Pair, YAMLMap } from 'yaml';
import type { PodContext, PodRule } from '../../rule';
import { asMap, getNode, getString, keyName, pairs } from '../../yamlNodes';
import { WARNINGS_GO } from './apiWarning';
import { podExamples } from '../../exampleManifests';

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

// Pod annotations that once configured behaviour now done by fields. kube-apiserver warns about
// them (pkg/api/pod/warnings.go; AppArmor on Pods via applyAppArmorVersionSkew in the pod
// strategy). The non-functional ones silently do nothing, which is the run-time surprise.
const FIXED: Record<string, string> = {
  'scheduler.alpha.kubernetes.io/critical-pod': 'non-functional in v1.16+; use the "priorityClassName" field instead',
  'security.alpha.kubernetes.io/sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
  'security.alpha.kubernetes.io/unsafe-sysctls': 'non-functional in v1.11+; use the "sysctls" field instead',
};
const SECCOMP_MSG = 'non-functional in v1.27+; use the "seccompProfile" field instead';
const APPARMOR_MSG = 'deprecated since v1.30; use the "appArmorProfile" field instead';

export const deprecatedAnnotation: PodRule = {
  code: 'deprecated-annotation',
  severity: 'warning',
  category: 'runtime',
  scope: 'pod',
  description: 'A pod annotation replaced by a field (critical-pod, sysctls, seccomp, AppArmor) is used.',
  why: 'The non-functional annotations are silently ignored, so the seccomp profile, sysctls or priority they ask for is not applied.',
  remediation: 'Replace the annotation with the field the message names (priorityClassName, securityContext.sysctls, seccompProfile, appArmorProfile).',
  examples: podExamples({ metadata: `
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default` }, { spec: `
      securityContext:
        seccompProfile: {type: RuntimeDefault}` }),
  docUrl: WARNINGS_GO,
  check(ctx) {
    const annotations = asMap(getNode(ctx.pod.meta, 'annotations', ctx.doc), ctx.doc);
    const byKey = new Map(pairs(annotations).map((p) => [keyName(p) ?? '', p] as const));
    const report = (key: string, message: string) => {
      const pair = byKey.get(key);
      if (pair) ctx.report({ node: pair, on: 'key', path: [...ctx.pod.metaPath, 'annotations', { key }], message });
    };
    for (const [key, msg] of Object.entries(FIXED)) report(key, msg);
    const podSecurity = asMap(getNode(ctx.spec, 'securityContext', ctx.doc), ctx.doc);
    if (!getNode(podSecurity, 'seccompProfile', ctx.doc)) report(SECCOMP_POD, SECCOMP_MSG);
    for (const c of ctx.containers) {
      const security = asMap(getNode(c.node, 'securityContext', ctx.doc), ctx.doc);
      if (!getNode(security, 'seccompProfile', ctx.doc)) report(SECCOMP_CONTAINER + (c.name ?? ''), SECCOMP_MSG);
      const pair = byKey.get(APPARMOR_CONTAINER + (c.name ?? ''));
      if (pair && !getNode(security, 'appArmorProfile', ctx.doc) && appArmorWarns(ctx, pair, podSecurity)) {
        report(APPARMOR_CONTAINER + (c.name ?? ''), APPARMOR_MSG);
      }
    }
  },
};

/**
 * Templates warn unless a pod-level profile exists. Pods (not Windows) warn unless the annotation
 * translates to exactly the pod-level profile, in which case the strategy silently drops it.
 */
function appArmorWarns(ctx: PodContext, pair: Pair, podSecurity: YAMLMap | undefined): boolean {
  const podProfile = asMap(getNode(podSecurity, 'appArmorProfile', ctx.doc), ctx.doc);
  if (ctx.object.kind !== 'Pod') return !podProfile;
  const os = getString(asMap(getNode(ctx.spec, 'os', ctx.doc), ctx.doc), 'name', ctx.doc);
  if (os === 'windows') return false;
  const value = (pair.value as { value?: unknown } | null)?.value;
  const derived = typeof value === 'string' ? profileFor(value) : undefined;
  if (!derived || !podProfile) return true;
  return !sameProfile(derived, podProfile, ctx.doc);
}

interface Profile { type: string; localhostProfile?: string }

/** podutil.ApparmorFieldForAnnotation. */
function profileFor(annotation: string): Profile | undefined {
  if (annotation === 'runtime/default') return { type: 'RuntimeDefault' };
  if (annotation === 'unconfined') return { type: 'Unconfined' };
  if (annotation.startsWith('localhost/')) {
    const name = annotation.slice('localhost/'.length);
    return name ? { type: 'Localhost', localhostProfile: name } : undefined;
  }
  return undefined;
}

function sameProfile(a: Profile, node: YAMLMap, doc: Document): boolean {
  return a.type === getString(node, 'type', doc) && (a.localhostProfile ?? undefined) === (getString(node, 'localhostProfile', doc) ?? undefined);
}
