import { isScalar, type YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import type { PodContext, PodRule } from '../../rule';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../../validation/names';
import { asMap, asSeq, getNode, getPair, resolve } from '../../yamlNodes';
import { intField, isSet, stringField } from './fields';
import { HANDLER_OWNERS, LIFECYCLE_HANDLER_TYPES, PROBE_HANDLER_TYPES, validatesHandlers } from './handlers';
import { podExamples } from '../../exampleManifests';

// validateHandler and the actions it calls: exactly one handler type per probe or lifecycle hook,
// an exec command, valid ports and header names, and a sleep no longer than the grace period.
export const handlerInvalid: PodRule = {
  code: 'handler-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A probe or lifecycle hook has no handler, more than one, or an invalid port, command, header or sleep.',
  remediation: 'Give each probe and lifecycle hook exactly one handler (exec with a command, httpGet, tcpSocket, grpc or sleep) with a valid port.',
  examples: podExamples({ container: `
      livenessProbe:
        periodSeconds: 10` }, { container: `
      livenessProbe:
        exec:
          command: [nginx, -t]
        periodSeconds: 10` }),
  docUrl: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations',
  check(ctx) {
    // Validation runs after SetDefaults_PodSpec, which sets an unset grace period to 30 seconds.
    const grace = intField(ctx.spec, 'terminationGracePeriodSeconds', ctx.doc)?.value ?? 30;
    for (const c of ctx.containers) {
      if (!validatesHandlers(c)) continue;
      for (const owner of HANDLER_OWNERS) {
        const ownerMap = asMap(getNode(c.node, owner.key, ctx.doc), ctx.doc);
        if (!ownerMap) continue;
        for (const sub of owner.handlers) {
          const handler = sub ? asMap(getNode(ownerMap, sub, ctx.doc), ctx.doc) : ownerMap;
          const path = sub ? [...c.path, owner.key, sub] : [...c.path, owner.key];
          const types = sub ? LIFECYCLE_HANDLER_TYPES : PROBE_HANDLER_TYPES;
          if (handler) checkHandler(ctx, handler, path, types, grace);
        }
      }
    }
  },
};

function checkHandler(ctx: PodContext, handler: YAMLMap, path: PathSeg[], types: readonly string[], grace: number): void {
  // A handler that is not a map fails decoding first; the schema rules report that.
  if (types.some((t) => isSet(handler, t, ctx.doc) && !asMap(getNode(handler, t, ctx.doc), ctx.doc))) return;
  let count = 0;
  for (const type of types) {
    const pair = isSet(handler, type, ctx.doc);
    if (!pair) continue;
    if (count++ > 0) {
      ctx.report({ node: pair, on: 'key', path: [...path, type], message: k8s.forbidden('may not specify more than 1 handler type') });
      continue;
    }
    const action = asMap(pair.value, ctx.doc);
    if (action) checkAction(ctx, type, action, [...path, type], grace);
  }
  if (count === 0) ctx.report({ node: handler, path, message: k8s.required('must specify a handler type') });
}

function checkAction(ctx: PodContext, type: string, action: YAMLMap, path: PathSeg[], grace: number): void {
  if (type === 'exec') {
    const command = asSeq(getNode(action, 'command', ctx.doc), ctx.doc);
    if (!command || command.items.length === 0) ctx.report({ ...(getPair(action, 'command') ? { node: getPair(action, 'command'), on: 'key' as const } : { node: action }), path: [...path, 'command'], message: k8s.required() });
  } else if (type === 'httpGet' || type === 'tcpSocket' || type === 'grpc') {
    checkPort(ctx, action, [...path, 'port'], type === 'grpc');
    if (type === 'httpGet') checkHeaders(ctx, action, path);
  } else if (type === 'sleep') {
    const seconds = intField(action, 'seconds', ctx.doc);
    if (seconds && (seconds.value < 0 || seconds.value > grace)) {
      ctx.report({ node: seconds.node, path, message: k8s.invalid(seconds.value, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`) });
    }
  }
}

/** ValidatePortNumOrName: an int must be 1..65535, a string an IANA_SVC_NAME ("8080" in quotes is a name). */
function checkPort(ctx: PodContext, action: YAMLMap, path: PathSeg[], intOnly: boolean): void {
  const node = resolve(getPair(action, 'port')?.value, ctx.doc);
  if (!node || !isScalar(node)) return;
  const value = node.value;
  if (typeof value === 'number' && Number.isInteger(value)) {
    for (const msg of isValidPortNum(value)) ctx.report({ node, path, message: k8s.invalid(value, msg) });
  } else if (typeof value === 'string' && !intOnly) {
    const numeric = /^[0-9]+$/.test(value) && isValidPortNum(Number(value)).length === 0;
    const fix = numeric ? ctx.replaceFix(`Use the number ${value}`, node, value) : undefined;
    for (const msg of isValidPortName(value)) ctx.report({ node, path, message: k8s.invalid(value, msg), fixes: fix ? [fix] : undefined });
  }
}

// The header name path has no index: validateHTTPGetAction reports against httpGet.httpHeaders.
function checkHeaders(ctx: PodContext, action: YAMLMap, path: PathSeg[]): void {
  const headers = asSeq(getNode(action, 'httpHeaders', ctx.doc), ctx.doc);
  for (const item of headers?.items ?? []) {
    const name = stringField(asMap(item, ctx.doc), 'name', ctx.doc);
    if (!name) continue;
    for (const msg of isHTTPHeaderName(name.value)) ctx.report({ node: name.node, path: [...path, 'httpHeaders'], message: k8s.invalid(name.value, msg) });
  }
}
