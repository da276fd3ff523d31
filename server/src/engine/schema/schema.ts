// Typed, read-only view over the generated Kubernetes 1.36 schema (generated/k8s-1.36.json, written by
// scripts/gen-schema.ts from @kubernetes/client-node's models). Schema rules, completion and hover all
// read fields through this one API so they agree on what a field is.
import raw from './generated/k8s-1.36.json';
import type { PathSeg } from '../path';

export const SCHEMA_VERSION = '1.36';

/**
 * What a value must look like. `int-or-string` and `quantity` accept both JSON numbers and strings;
 * `any` accepts everything (e.g. metadata.managedFields[].fieldsV1).
 */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'quantity' | 'any' | 'object' | 'array' | 'map';

export interface SchemaType {
  kind: ValueKind;
  /** integer: int32/int64; number: double; string: date-time (RFC 3339) or byte (base64). */
  format?: 'int32' | 'int64' | 'double' | 'date-time' | 'byte';
  /** object: the object type's name, for typeByName (e.g. `V1Container`). */
  ref?: string;
  /** array: the items' type; map: the values' type (keys are always strings). */
  itemType?: SchemaType;
  /** Allowed values of a string, as far as the OpenAPI description lists them (for completion). */
  enum?: readonly string[];
}

export interface SchemaField extends SchemaType {
  /** JSON name as written in YAML. */
  name: string;
  /** Marked required in the OpenAPI schema. */
  required: boolean;
  description: string;
}

export interface ObjectType {
  /** client-node model name, e.g. `V1Container`; see displayName for `Container`. */
  name: string;
  description: string;
  /** Sorted by name. */
  fields: readonly SchemaField[];
}

export interface ResolvedPath {
  /** The type of the value at the path. */
  type: SchemaType;
  /** The last named field on the way (a map's field for a map key, an array's field for an item). */
  field?: SchemaField;
  /** Set when type is an object. */
  objectType?: ObjectType;
}

interface JsonField { type: string; required?: boolean; description?: string; enum?: string[] }
interface JsonSchema {
  kinds: Record<string, { apiVersion: string; type: string }>;
  types: Record<string, { description?: string; fields: Record<string, JsonField> }>;
}

const json = raw as unknown as JsonSchema;
const objectTypes = new Map<string, ObjectType>();
const fieldIndex = new Map<string, Map<string, SchemaField>>();

/** Parses the generator's compact grammar: `[]T` array, `{}T` map, model names, primitive names. */
function parseType(expr: string): SchemaType {
  if (expr.startsWith('[]')) return { kind: 'array', itemType: parseType(expr.slice(2)) };
  if (expr.startsWith('{}')) return { kind: 'map', itemType: parseType(expr.slice(2)) };
  switch (expr) {
    case 'string': case 'boolean': case 'int-or-string': case 'quantity': case 'any': return { kind: expr };
    case 'date-time': case 'byte': return { kind: 'string', format: expr };
    case 'int32': case 'int64': return { kind: 'integer', format: expr };
    case 'double': return { kind: 'number', format: 'double' };
  }
  if (/^[A-Z]/.test(expr)) return { kind: 'object', ref: expr };
  throw new Error(`schema: unknown type expression ${expr}`);
}

function buildType(name: string): ObjectType | undefined {
  const t = json.types[name];
  if (!t) return undefined;
  const fields = Object.keys(t.fields).sort().map((fieldName): SchemaField => {
    const f = t.fields[fieldName]!;
    const type = parseType(f.type);
    // Enum values describe the scalar: on an array of strings they belong to the items.
    const withEnum = f.enum ? attachEnum(type, f.enum) : type;
    return Object.freeze({ ...withEnum, name: fieldName, required: f.required === true, description: f.description ?? '' });
  });
  return Object.freeze({ name, description: t.description ?? '', fields: Object.freeze(fields) });
}

function attachEnum(type: SchemaType, values: readonly string[]): SchemaType {
  if (type.kind === 'string') return { ...type, enum: Object.freeze([...values]) };
  if ((type.kind === 'array' || type.kind === 'map') && type.itemType) return { ...type, itemType: attachEnum(type.itemType, values) };
  return type;
}

/** The object type named `name` (a client-node model name such as `V1PodSpec`). */
export function typeByName(name: string): ObjectType | undefined {
  let t = objectTypes.get(name);
  if (!t) {
    t = buildType(name);
    if (!t) return undefined;
    objectTypes.set(name, t);
  }
  return t;
}

/** Kinds the schema covers, sorted. */
export function schemaKinds(): readonly string[] {
  return Object.keys(json.kinds).sort();
}

/** The apiVersion under which Kubernetes 1.36 serves `kind` (e.g. `batch/v1` for CronJob). */
export function servedApiVersion(kind: string): string | undefined {
  return json.kinds[kind]?.apiVersion;
}

/** Root object type of a kind; undefined for unknown kinds, or when apiVersion is given and is not the served one. */
export function rootTypeFor(kind: string, apiVersion?: string): ObjectType | undefined {
  const entry = json.kinds[kind];
  if (!entry || (apiVersion !== undefined && apiVersion !== entry.apiVersion)) return undefined;
  return typeByName(entry.type);
}

function objectTypeOf(t: ObjectType | SchemaType | string): ObjectType | undefined {
  if (typeof t === 'string') return typeByName(t);
  if ('fields' in t) return t;
  return t.kind === 'object' && t.ref ? typeByName(t.ref) : undefined;
}

/** Fields of an object type (by value, by reference type, or by name); empty for non-objects. */
export function fieldsOf(t: ObjectType | SchemaType | string): readonly SchemaField[] {
  return objectTypeOf(t)?.fields ?? [];
}

export function fieldOf(t: ObjectType | SchemaType | string, name: string): SchemaField | undefined {
  const o = objectTypeOf(t);
  if (!o) return undefined;
  let index = fieldIndex.get(o.name);
  if (!index) {
    index = new Map(o.fields.map((f) => [f.name, f]));
    fieldIndex.set(o.name, index);
  }
  return index.get(name);
}

/**
 * The type at a YAML path below a kind's root: strings select fields of objects and keys of maps,
 * numbers select array items (`{key}` segments of a FieldPath select map keys too).
 * Undefined when the path leaves the schema (unknown field, index into a non-array, ...).
 */
export function resolvePath(kind: string, segments: readonly (string | number | PathSeg)[]): ResolvedPath | undefined {
  const root = rootTypeFor(kind);
  if (!root) return undefined;
  let type: SchemaType = { kind: 'object', ref: root.name };
  let field: SchemaField | undefined;
  for (const seg of segments) {
    if (typeof seg === 'number') {
      if (type.kind !== 'array' || !type.itemType) return undefined;
      type = type.itemType;
      continue;
    }
    const key = typeof seg === 'string' ? seg : seg.key;
    if (type.kind === 'map' && type.itemType) {
      type = type.itemType;
    } else if (type.kind === 'object' && typeof seg === 'string') {
      const f = fieldOf(type, key);
      if (!f) return undefined;
      field = f;
      type = f;
    } else if (type.kind === 'any') {
      continue;
    } else {
      return undefined;
    }
  }
  const objectType = type.kind === 'object' ? objectTypeOf(type) : undefined;
  return { type: stripField(type), ...(field ? { field } : {}), ...(objectType ? { objectType } : {}) };
}

/** A field is also a type; callers of resolvePath get the bare type so `type` never carries field data. */
function stripField(t: SchemaType): SchemaType {
  const { kind, format, ref, itemType, enum: values } = t;
  return { kind, ...(format ? { format } : {}), ...(ref ? { ref } : {}), ...(itemType ? { itemType } : {}), ...(values ? { enum: values } : {}) };
}

/** `V1Container` -> `Container`, `CoreV1ResourceClaim` -> `ResourceClaim` (the Kubernetes type name). */
export function displayName(ref: string): string {
  return ref.replace(/^(?:[A-Z][a-z]+)*V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '');
}

/** Human-readable type: `string`, `integer (int32)`, `[]Container`, `map[string]string`, `int-or-string`, `Quantity`. */
export function typeLabel(t: SchemaType): string {
  switch (t.kind) {
    case 'array': return `[]${t.itemType ? typeLabel(t.itemType) : 'any'}`;
    case 'map': return `map[string]${t.itemType ? typeLabel(t.itemType) : 'any'}`;
    case 'object': return t.ref ? displayName(t.ref) : 'object';
    case 'quantity': return 'Quantity';
    case 'integer': return t.format ? `integer (${t.format})` : 'integer';
    case 'string': return t.format ? `string (${t.format})` : 'string';
    default: return t.kind;
  }
}
