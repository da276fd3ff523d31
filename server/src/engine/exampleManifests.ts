// The manifests a rule shows as its bad and good example (docs/generated/rules.md; run by
// test/engine/ruleExamples.test.ts). Each is a complete small Pod named `web` running nginx:1.27
// with resources set, so a clean example stays clean; a rule's example writes only the lines that
// make it bad or good, and these builders add the rest.
import type { RuleExamples } from './types';

export interface PodParts {
  /** Lines under `metadata:`, after `name`. */
  metadata?: string;
  /** metadata.name; `web` unless given. */
  name?: string;
  /** Lines added to the `web` container, after its image and resources. */
  container?: string;
  /** Lines under the `web` container's `resources:` (its limits unless given). */
  resources?: string;
  /** Replaces the whole list under `containers:` (its `- name:` items). */
  containers?: string;
  /** Lines under `spec:`, after `containers`. */
  spec?: string;
}

/** The one container of every example: named, pinned and with resources, so no rule has anything to say. */
export const WEB_CONTAINER = webContainer('limits: {cpu: 500m, memory: 128Mi}');

function webContainer(resources: string): string {
  return `- name: web\n  image: nginx:1.27\n  resources:\n${indent(resources, 4)}`;
}

export function pod(parts: PodParts = {}): string {
  const meta = ['metadata:', `  name: ${parts.name ?? 'web'}`, ...(parts.metadata ? [indent(parts.metadata, 2)] : [])];
  return ['apiVersion: v1', 'kind: Pod', ...meta, podSpec(parts)].join('\n') + '\n';
}

/** A Deployment `web` selecting app=web; the parts shape its pod template, `labels` its template's labels line. */
export function deployment(parts: PodParts & { labels?: string } = {}): string {
  return [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:',
    '  selector:', '    matchLabels: {app: web}',
    '  template:', '    metadata:', `      ${parts.labels ?? 'labels: {app: web}'}`,
    indent(podSpec(parts), 4),
  ].join('\n') + '\n';
}

/** Shorthand for the common case: both examples built from pod parts. */
export function podExamples(bad: PodParts, good: PodParts = {}): RuleExamples {
  return { bad: pod(bad), good: pod(good) };
}

function podSpec(parts: PodParts): string {
  const web = parts.resources ? webContainer(parts.resources) : WEB_CONTAINER;
  const container = parts.container ? `${web}\n${indent(parts.container, 2)}` : web;
  const containers = parts.containers !== undefined ? dedent(parts.containers) : container;
  return ['spec:', '  containers:', indent(containers, 2), ...(parts.spec ? [indent(parts.spec, 2)] : [])].join('\n');
}

/** Dedents a template literal's lines (a first empty line dropped) and indents them by `depth`. */
export function indent(text: string, depth: number): string {
  const pad = ' '.repeat(depth);
  return dedent(text).split('\n').map((l) => (l.trim() ? pad + l : '')).join('\n');
}

function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const depth = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(depth)).join('\n');
}

/** A second container for examples about two containers: Fluent Bit shipping the logs. */
export const LOG_SHIPPER = `- name: log-shipper
  image: fluent/fluent-bit:3.1
  resources:
    limits: {cpu: 100m, memory: 64Mi}`;

/** The `web` container's mount of a volume `conf`, for examples about volumes. */
export const MOUNT_CONF = `volumeMounts:
- name: conf
  mountPath: /etc/nginx`;

/** `spec.initContainers` with one container `name` running `image` (resources set), then `lines` in it. */
export function initContainer(name: string, image: string, lines = ''): string {
  const container = `- name: ${name}\n  image: ${image}\n  resources:\n    limits: {cpu: 100m, memory: 64Mi}`;
  return `initContainers:\n${container}${lines ? `\n${indent(lines, 2)}` : ''}`;
}
