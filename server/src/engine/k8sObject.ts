// Decides whether a YAML document is a Kubernetes object we check, and where its pod spec lives.
import { isMap, type YAMLMap } from 'yaml';
import type { ParsedDocument } from './parse';
import type { PathSeg } from './path';
import { asMap, getNode, getString } from './yamlNodes';

/** Where each supported kind keeps its pod spec; field paths of findings start there. */
export const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export interface K8sObject {
  apiVersion: string;
  kind: string;
  root: YAMLMap;
  /** True when kind is one we validate (Pod or a workload with a pod template). */
  checked: boolean;
}

export function k8sObjectOf(d: ParsedDocument): K8sObject | undefined {
  const root = d.doc.contents;
  if (!isMap(root)) return undefined;
  const apiVersion = getString(root as YAMLMap, 'apiVersion', d.doc);
  const kind = getString(root as YAMLMap, 'kind', d.doc);
  if (!apiVersion || !kind) return undefined;
  return { apiVersion, kind, root: root as YAMLMap, checked: kind in POD_SPEC_PATHS };
}

export interface PodLocation {
  spec: YAMLMap;
  specPath: PathSeg[];
  /** metadata of the pod (Pod) or of the pod template (workloads). */
  meta: YAMLMap | undefined;
  metaPath: PathSeg[];
}

export function podLocation(obj: K8sObject, d: ParsedDocument): PodLocation | undefined {
  const specPath = POD_SPEC_PATHS[obj.kind];
  if (!specPath) return undefined;
  let node: YAMLMap | undefined = obj.root;
  let parent: YAMLMap | undefined;
  for (const seg of specPath) {
    parent = node;
    node = asMap(getNode(node, seg, d.doc), d.doc);
    if (!node) return undefined;
  }
  const metaPath = [...specPath.slice(0, -1), 'metadata'];
  return { spec: node, specPath: [...specPath], meta: asMap(getNode(parent, 'metadata', d.doc), d.doc), metaPath };
}

/** Helm and other templates: `{{ ... }}` means the text is not yet the YAML the cluster sees. */
export function looksTemplated(source: string): boolean {
  // Not a lazy regex: on text with many `{{` and no `}}` that would rescan the rest of the text per `{{`.
  const open = source.indexOf('{{');
  return open >= 0 && source.indexOf('}}', open + 2) >= 0;
}

/** Cheap textual test used when the YAML does not even parse. */
export function looksLikeKubernetes(source: string): boolean {
  return /^apiVersion\s*:/m.test(source) && /^kind\s*:/m.test(source);
}
