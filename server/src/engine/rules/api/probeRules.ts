import type { YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import type { PodContext, PodRule } from '../../rule';
import { asMap, getNode } from '../../yamlNodes';
import { intField, isSet } from './fields';
import { PROBE_KEYS, validatesHandlers } from './handlers';
import { initContainer, podExamples } from '../../exampleManifests';

const NON_NEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

// validateInitContainers: probes and lifecycle hooks belong to containers that keep running, so a
// run-to-completion init container may not set them.
export const initContainerFieldForbidden: PodRule = {
  code: 'init-container-field-forbidden',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'An init container without restartPolicy: Always sets lifecycle or a probe.',
  remediation: 'Remove the probes and lifecycle hooks from the init container, or make it a sidecar with restartPolicy: Always.',
  examples: podExamples(
    { spec: initContainer('proxy', 'envoyproxy/envoy:v1.31.0', 'startupProbe:\n  exec: {command: [test, -S, /run/envoy.sock]}') },
    { spec: initContainer('proxy', 'envoyproxy/envoy:v1.31.0', 'restartPolicy: Always\nstartupProbe:\n  exec: {command: [test, -S, /run/envoy.sock]}') },
  ),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#differences-from-regular-containers',
  check(ctx) {
    for (const c of ctx.containers) {
      if (c.group !== 'initContainers' || c.isSidecar) continue;
      for (const key of ['lifecycle', ...PROBE_KEYS]) {
        const pair = isSet(c.node, key, ctx.doc);
        if (pair) ctx.report({ node: pair, on: 'key', path: [...c.path, key], message: k8s.forbidden('may not be set for init containers without restartPolicy=Always') });
      }
    }
  },
};

// validateProbe / validateLivenessProbe / validateReadinessProbe / validateStartupProbe. Zero
// timeouts, periods and thresholds are defaulted first (SetDefaults_Probe), so only negatives fail
// and a liveness or startup successThreshold of 0 becomes 1.
export const probeValueInvalid: PodRule = {
  code: 'probe-value-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A probe has a negative timing or threshold, a success threshold other than 1 where only 1 is allowed, or a bad termination grace period.',
  remediation: 'Use non-negative timings and thresholds, and successThreshold 1 for liveness and startup probes.',
  examples: podExamples({ container: `
      livenessProbe:
        exec:
          command: [nginx, -t]
        successThreshold: 2` }, { container: `
      livenessProbe:
        exec:
          command: [nginx, -t]
        successThreshold: 1` }),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes',
  check(ctx) {
    for (const c of ctx.containers) {
      if (!validatesHandlers(c)) continue;
      for (const key of PROBE_KEYS) {
        const probe = asMap(getNode(c.node, key, ctx.doc), ctx.doc);
        if (probe) checkProbe(ctx, probe, [...c.path, key], key);
      }
    }
  },
};

function checkProbe(ctx: PodContext, probe: YAMLMap, path: PathSeg[], kind: (typeof PROBE_KEYS)[number]): void {
  for (const key of NON_NEGATIVE) {
    const f = intField(probe, key, ctx.doc);
    if (f && f.value < 0) ctx.report({ node: f.node, path: [...path, key], message: k8s.invalid(f.value, 'must be greater than or equal to 0') });
  }
  const success = intField(probe, 'successThreshold', ctx.doc);
  if (kind !== 'readinessProbe' && success && success.value !== 0 && success.value !== 1) {
    const fix = ctx.replaceFix('Change to 1', success.node, '1');
    ctx.report({ node: success.node, path: [...path, 'successThreshold'], message: k8s.invalid(success.value, 'must be 1'), fixes: fix ? [fix] : undefined });
  }
  const grace = intField(probe, 'terminationGracePeriodSeconds', ctx.doc);
  if (grace && grace.value <= 0) ctx.report({ node: grace.node, path: [...path, 'terminationGracePeriodSeconds'], message: k8s.invalid(grace.value, 'must be greater than 0') });
  if (kind === 'readinessProbe' && isSet(probe, 'terminationGracePeriodSeconds', ctx.doc)) {
    const node = grace?.node ?? isSet(probe, 'terminationGracePeriodSeconds', ctx.doc);
    ctx.report({ node, path: [...path, 'terminationGracePeriodSeconds'], message: k8s.invalid(grace?.value ?? null, 'must not be set for readinessProbes') });
  }
}
