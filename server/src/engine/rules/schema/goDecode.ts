// How the API server's JSON decoder (encoding/json semantics, via sigs.k8s.io/json) names values and
// types in its errors, so invalid-type reads like the rejection the user would get:
//   json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string
import type { SchemaType } from '../../schema/schema';
import { displayName } from '../../schema/schema';

/** What a YAML value becomes in the JSON kubectl sends. */
export type JsonKind = 'string' | 'number' | 'bool' | 'array' | 'object';

/** The Go type the decoder targets for a schema type, as reflect prints it. */
export function goTypeName(t: SchemaType): string {
  switch (t.kind) {
    case 'string':
      if (t.format === 'date-time') return 'v1.Time';
      return t.format === 'byte' ? '[]uint8' : 'string';
    case 'integer': return t.format === 'int64' ? 'int64' : 'int32';
    case 'number': return 'float64';
    case 'boolean': return 'bool';
    case 'int-or-string': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
    case 'any': return 'interface {}';
    case 'object': return t.ref ? `v1.${displayName(t.ref)}` : 'struct';
    case 'array': return `[]${t.itemType ? goTypeName(t.itemType) : 'interface {}'}`;
    case 'map': return `map[string]${t.itemType ? goTypeName(t.itemType) : 'interface {}'}`;
  }
}

/**
 * encoding/json's UnmarshalTypeError text. `value` is the JSON kind, or `number 1.5` when a number
 * does not fit the integer type; `owner` is the Go struct holding the field; `jsonPath` its dotted JSON path.
 */
export function unmarshalError(value: string, owner: string, jsonPath: string, target: SchemaType): string {
  return `json: cannot unmarshal ${value} into Go struct field ${owner}.${jsonPath} of type ${goTypeName(target)}`;
}

/** resource.Quantity's own parse error, which the decoder returns for a bool, list or map. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
