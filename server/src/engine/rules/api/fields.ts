// Typed reads of one field for the API rules, keeping the nodes to point at. A field of the wrong
// YAML type reads as absent here: the schema rules report type errors, and the API server never
// gets that far (decoding fails first).
import { isScalar, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { getPair, resolve } from '../../yamlNodes';

export interface Field<T> {
  pair: Pair;
  node: Scalar;
  value: T;
}

/** A key whose value is present and not null (Go's "field is set" for pointers, slices and maps). */
export function isSet(map: YAMLMap | undefined, key: string, doc: Document): Pair | undefined {
  const pair = getPair(map, key);
  if (!pair) return undefined;
  const value = resolve(pair.value, doc);
  if (!value || (isScalar(value) && (value.value === null || value.value === undefined))) return undefined;
  return pair;
}

function scalarField(map: YAMLMap | undefined, key: string, doc: Document): { pair: Pair; node: Scalar } | undefined {
  const pair = getPair(map, key);
  const node = pair ? resolve(pair.value, doc) : undefined;
  return pair && node && isScalar(node) ? { pair, node } : undefined;
}

export function stringField(map: YAMLMap | undefined, key: string, doc: Document): Field<string> | undefined {
  const f = scalarField(map, key, doc);
  return f && typeof f.node.value === 'string' ? { ...f, value: f.node.value } : undefined;
}

/** Integers only: a float or a quoted number fails to decode into a Go int before validation runs. */
export function intField(map: YAMLMap | undefined, key: string, doc: Document): Field<number> | undefined {
  const f = scalarField(map, key, doc);
  return f && typeof f.node.value === 'number' && Number.isInteger(f.node.value) ? { ...f, value: f.node.value } : undefined;
}

export function boolField(map: YAMLMap | undefined, key: string, doc: Document): Field<boolean> | undefined {
  const f = scalarField(map, key, doc);
  return f && typeof f.node.value === 'boolean' ? { ...f, value: f.node.value } : undefined;
}

/** The node a "Required" finding points at: the key when present, else the enclosing map. */
export function requiredTarget(map: YAMLMap, key: string): { node: Node | Pair; on?: 'key' } {
  const pair = getPair(map, key);
  return pair ? { node: pair, on: 'key' } : { node: map };
}

export type RequiredString =
  | { kind: 'set'; field: Field<string> }
  /** Absent, null or "": all the empty string once Go has decoded them. */
  | { kind: 'missing'; target: { node: Node | Pair; on?: 'key' } }
  /** Another type: a decoding error the schema rules report, so the API rules stay quiet. */
  | { kind: 'wrong-type' };

/** A string field that the API server requires to be non-empty. */
export function requiredString(map: YAMLMap, key: string, doc: Document): RequiredString {
  const f = stringField(map, key, doc);
  if (f && f.value !== '') return { kind: 'set', field: f };
  if (f) return { kind: 'missing', target: { node: f.node } };
  if (isSet(map, key, doc)) return { kind: 'wrong-type' };
  return { kind: 'missing', target: requiredTarget(map, key) };
}
