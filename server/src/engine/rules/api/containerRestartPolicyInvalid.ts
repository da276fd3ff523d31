import type { YAMLMap } from 'yaml';
import { k8s } from '../../k8sErrors';
import type { PathSeg } from '../../path';
import { mapItems, type ContainerRef } from '../../podModel';
import type { PodContext, PodRule } from '../../rule';
import { asMap, asSeq, getNode, getPair } from '../../yamlNodes';
import { caseFix } from './valueNotSupported';
import { isSet, stringField } from './fields';
import { podExamples } from '../../exampleManifests';

// Kubernetes 1.36 turns on ContainerRestartRules (beta, 1.35) and RestartAllContainersOnContainerExits
// (beta, 1.36), so validateContainers and validateInitContainerRestartPolicy both run
// validateContainerRestartPolicy: app and init containers may set restartPolicy Always, Never or
// OnFailure (Always on an init container makes it a sidecar) and restartPolicyRules with the actions
// Restart or RestartAllContainers. Ephemeral containers may set neither (ephemeral-container-field-forbidden).
const POLICIES = ['Always', 'Never', 'OnFailure'];
const ACTIONS = ['Restart', 'RestartAllContainers'];
const OPERATORS = ['In', 'NotIn'];
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;

export const containerRestartPolicyInvalid: PodRule = {
  code: 'container-restart-policy-invalid',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'A container restartPolicy or restartPolicyRules entry is not one the API server accepts.',
  remediation: 'Set restartPolicy to Always, OnFailure or Never, and give restartPolicyRules an action (Restart, RestartAllContainers) and exitCodes.',
  examples: podExamples({ container: 'restartPolicy: Sometimes' }, { container: 'restartPolicy: OnFailure' }),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restart-rules',
  check(ctx) {
    for (const c of ctx.containers) if (c.group !== 'ephemeralContainers') checkContainer(ctx, c);
  },
};

function checkContainer(ctx: PodContext, c: ContainerRef): void {
  const policyPath = [...c.path, 'restartPolicy'];
  const rules = asSeq(getNode(c.node, 'restartPolicyRules', ctx.doc), ctx.doc);
  const policy = stringField(c.node, 'restartPolicy', ctx.doc);
  if (!isSet(c.node, 'restartPolicy', ctx.doc)) {
    if (!rules || rules.items.length === 0) return;
    const pair = getPair(c.node, 'restartPolicyRules');
    ctx.report({ node: pair, on: 'key', path: policyPath, message: k8s.required('must specify restartPolicy when restart rules are used') });
  } else if (policy && !POLICIES.includes(policy.value)) {
    ctx.report({ node: policy.node, path: policyPath, message: k8s.notSupported(policy.value, POLICIES), fixes: caseFix(ctx, policy.node, policy.value, POLICIES) });
  }
  if (!rules) return;
  const rulesPath = [...c.path, 'restartPolicyRules'];
  if (rules.items.length > MAX_RULES) ctx.report({ node: getPair(c.node, 'restartPolicyRules'), on: 'key', path: rulesPath, message: k8s.tooMany(rules.items.length, MAX_RULES) });
  for (const rule of mapItems(c.node, 'restartPolicyRules', c.path, ctx.doc)) checkRule(ctx, rule.node, rule.path);
}

function checkRule(ctx: PodContext, rule: YAMLMap, path: PathSeg[]): void {
  const action = stringField(rule, 'action', ctx.doc);
  const actionValue = action?.value ?? '';
  if (!ACTIONS.includes(actionValue)) {
    ctx.report({ node: action?.node ?? rule, path: [...path, 'action'], message: k8s.notSupported(actionValue, ACTIONS), fixes: action ? caseFix(ctx, action.node, action.value, ACTIONS) : undefined });
  }
  const exitCodes = asMap(getNode(rule, 'exitCodes', ctx.doc), ctx.doc);
  const exitPath = [...path, 'exitCodes'];
  if (!exitCodes) {
    ctx.report({ node: rule, path: exitPath, message: k8s.required('must be specified') });
    return;
  }
  const operator = stringField(exitCodes, 'operator', ctx.doc);
  const operatorValue = operator?.value ?? '';
  if (!OPERATORS.includes(operatorValue)) {
    ctx.report({ node: operator?.node ?? exitCodes, path: [...exitPath, 'operator'], message: k8s.notSupported(operatorValue, OPERATORS), fixes: operator ? caseFix(ctx, operator.node, operator.value, OPERATORS) : undefined });
  }
  const values = asSeq(getNode(exitCodes, 'values', ctx.doc), ctx.doc);
  if (values && values.items.length > MAX_EXIT_CODES) {
    ctx.report({ node: getPair(exitCodes, 'values'), on: 'key', path: [...exitPath, 'values'], message: k8s.tooMany(values.items.length, MAX_EXIT_CODES) });
  }
}
