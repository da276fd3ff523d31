// A typed view over a pod spec's containers, shared by all pod rules so none re-implements the walk.
import type { Document, YAMLMap } from 'yaml';
import type { PathSeg } from './path';
import { asMap, asSeq, getNode, getString } from './yamlNodes';

export type ContainerGroup = 'initContainers' | 'containers' | 'ephemeralContainers';
export const CONTAINER_GROUPS: readonly ContainerGroup[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface Item {
  node: YAMLMap;
  index: number;
  path: PathSeg[];
}

export interface ContainerRef extends Item {
  group: ContainerGroup;
  name: string | undefined;
  /** An init container with restartPolicy: Always (a native sidecar, Kubernetes >= 1.29). */
  isSidecar: boolean;
}

/** Map items of a sequence field; non-map entries are skipped (the schema rule reports them). */
export function mapItems(parent: YAMLMap | undefined, key: string, basePath: readonly PathSeg[], doc: Document): Item[] {
  const seq = asSeq(getNode(parent, key, doc), doc);
  if (!seq) return [];
  const out: Item[] = [];
  seq.items.forEach((raw, index) => {
    const node = asMap(raw, doc);
    if (node) out.push({ node, index, path: [...basePath, key, index] });
  });
  return out;
}

export function containersOf(spec: YAMLMap, specPath: readonly PathSeg[], doc: Document, groups: readonly ContainerGroup[] = CONTAINER_GROUPS): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const group of groups) {
    for (const item of mapItems(spec, group, specPath, doc)) {
      out.push({
        ...item,
        group,
        name: getString(item.node, 'name', doc),
        isSidecar: group === 'initContainers' && getString(item.node, 'restartPolicy', doc) === 'Always',
      });
    }
  }
  return out;
}
