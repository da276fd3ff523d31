// ResourceList maps (`limits`, `requests`, `overhead`) read as the API server sees them: each value
// parsed as a resource.Quantity and rounded up to milli precision by SetDefaults_ResourceList.
import { isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { PathSeg } from '../../path';
import type { ContainerRef } from '../../podModel';
import { parseQuantity, roundUp, type Quantity } from '../../validation/quantity';
import { asMap, getNode, keyName, pairs, resolve } from '../../yamlNodes';

export interface ResourceEntry {
  name: string;
  pair: Pair;
  valueNode: Node;
  path: PathSeg[];
  /** Undefined when the value does not parse (quantity-invalid reports it) or is null. */
  quantity: Quantity | undefined;
  error: string | undefined;
}

export function resourceEntries(map: YAMLMap | undefined, basePath: readonly PathSeg[], doc: Document): ResourceEntry[] {
  const out: ResourceEntry[] = [];
  for (const pair of pairs(map)) {
    const name = keyName(pair);
    const valueNode = resolve(pair.value, doc);
    if (name === undefined || !valueNode || !isScalar(valueNode)) continue;
    const raw = valueNode.value;
    // null decodes to a zero Quantity; other non-scalars are type errors for the schema rules.
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const parsed = parseQuantity(raw);
    out.push({
      name, pair, valueNode, path: [...basePath, { key: name }],
      quantity: parsed.ok ? roundUp(parsed.quantity, -3) : undefined,
      error: parsed.ok ? undefined : parsed.error,
    });
  }
  return out;
}

export interface ContainerResources {
  container: ContainerRef;
  resources: YAMLMap;
  path: PathSeg[];
  limits: ResourceEntry[];
  requests: ResourceEntry[];
}

export function containerResources(c: ContainerRef, doc: Document): ContainerResources | undefined {
  const resources = asMap(getNode(c.node, 'resources', doc), doc);
  if (!resources) return undefined;
  const path = [...c.path, 'resources'];
  return {
    container: c, resources, path,
    limits: resourceEntries(asMap(getNode(resources, 'limits', doc), doc), [...path, 'limits'], doc),
    requests: resourceEntries(asMap(getNode(resources, 'requests', doc), doc), [...path, 'requests'], doc),
  };
}
