// Typed, read-only views over the generated schemas, one per bundled Kubernetes version
// (generated/k8s-<minor>.json and its deltas, written by scripts/gen-schema.ts from the OpenAPI v3 specs
// of k8s.io/kubernetes). Schema rules, completion and hover all read fields through this one API so they
// agree on what a field is, for the version a document is checked against.
import baseJson from './generated/k8s-1.36.json';
import delta134 from './generated/k8s-1.34.delta.json';
import delta135 from './generated/k8s-1.35.delta.json';
import delta137 from './generated/k8s-1.37.delta.json';
import type { PathSeg } from '../path';
import { minorOf } from './minor';
import { applyDelta, BASE_MINOR, type JsonSchema, type JsonSchemaDelta } from './schemaDelta';

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

function attachEnum(type: SchemaType, values: readonly string[]): SchemaType {
  if (type.kind === 'string') return { ...type, enum: Object.freeze([...values]) };
  if ((type.kind === 'array' || type.kind === 'map') && type.itemType) return { ...type, itemType: attachEnum(type.itemType, values) };
  return type;
}

// Module initialisation stays free of calls (or marks them pure), so that a bundle which imports the
// engine without its schemas (the VS Code client) leaves all of this, and the JSON, out.

/** Bundled schemas, newest first, by minor (`1.37`): the base itself (null) or its delta. */
const SOURCES: Readonly<Record<string, JsonSchemaDelta | null>> = {
  '1.37': delta137 as JsonSchemaDelta, '1.36': null, '1.35': delta135 as JsonSchemaDelta, '1.34': delta134 as JsonSchemaDelta,
};

/** Minors with a bundled schema, newest first. */
export const SCHEMA_VERSIONS: readonly string[] = /* @__PURE__ */ Object.keys(SOURCES);

/** The schema used when no version is chosen (the engine's only one before versions were bundled). */
export const DEFAULT_SCHEMA_VERSION = BASE_MINOR;

/** The schema of one Kubernetes version; types and field indexes are built on first use. */
export class Schema {
  private readonly objectTypes = new Map<string, ObjectType>();
  private readonly fieldIndex = new Map<string, Map<string, SchemaField>>();

  constructor(
    /** `1.36` */
    readonly version: string,
    private readonly json: JsonSchema,
  ) {}

  /** The object type named `name` (a model name such as `V1PodSpec`). */
  typeByName(name: string): ObjectType | undefined {
    let t = this.objectTypes.get(name);
    if (!t) {
      t = this.buildType(name);
      if (!t) return undefined;
      this.objectTypes.set(name, t);
    }
    return t;
  }

  /** Kinds the schema covers, sorted. */
  kinds(): readonly string[] {
    return Object.keys(this.json.kinds).sort();
  }

  /** The apiVersion under which this Kubernetes version serves `kind` (e.g. `batch/v1` for CronJob). */
  servedApiVersion(kind: string): string | undefined {
    return this.json.kinds[kind]?.apiVersion;
  }

  /** Root object type of a kind; undefined for unknown kinds, or when apiVersion is given and is not the served one. */
  rootTypeFor(kind: string, apiVersion?: string): ObjectType | undefined {
    const entry = this.json.kinds[kind];
    if (!entry || (apiVersion !== undefined && apiVersion !== entry.apiVersion)) return undefined;
    return this.typeByName(entry.type);
  }

  /** Fields of an object type (by value, by reference type, or by name); empty for non-objects. */
  fieldsOf(t: ObjectType | SchemaType | string): readonly SchemaField[] {
    return this.objectTypeOf(t)?.fields ?? [];
  }

  fieldOf(t: ObjectType | SchemaType | string, name: string): SchemaField | undefined {
    const o = this.objectTypeOf(t);
    if (!o) return undefined;
    let index = this.fieldIndex.get(o.name);
    if (!index) {
      index = new Map(o.fields.map((f) => [f.name, f]));
      this.fieldIndex.set(o.name, index);
    }
    return index.get(name);
  }

  /**
   * The type at a YAML path below a kind's root: strings select fields of objects and keys of maps,
   * numbers select array items (`{key}` segments of a FieldPath select map keys too).
   * Undefined when the path leaves the schema (unknown field, index into a non-array, ...).
   */
  resolvePath(kind: string, segments: readonly (string | number | PathSeg)[]): ResolvedPath | undefined {
    const root = this.rootTypeFor(kind);
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
        const f = this.fieldOf(type, key);
        if (!f) return undefined;
        field = f;
        type = f;
      } else if (type.kind === 'any') {
        continue;
      } else {
        return undefined;
      }
    }
    const objectType = type.kind === 'object' ? this.objectTypeOf(type) : undefined;
    return { type: stripField(type), ...(field ? { field } : {}), ...(objectType ? { objectType } : {}) };
  }

  private objectTypeOf(t: ObjectType | SchemaType | string): ObjectType | undefined {
    if (typeof t === 'string') return this.typeByName(t);
    if ('fields' in t) return t;
    return t.kind === 'object' && t.ref ? this.typeByName(t.ref) : undefined;
  }

  private buildType(name: string): ObjectType | undefined {
    const t = this.json.types[name];
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
}

const schemas = /* @__PURE__ */ new Map<string, Schema>();

/**
 * The schema of a bundled minor (`1.35`, or a full version such as `v1.35.4`); the default one when
 * `version` is undefined; undefined for a version that is not bundled.
 */
export function schemaFor(version: string = DEFAULT_SCHEMA_VERSION): Schema | undefined {
  const minor = minorOf(version);
  if (!minor || !(minor in SOURCES)) return undefined;
  let schema = schemas.get(minor);
  if (!schema) {
    const delta = SOURCES[minor];
    const base = baseJson as unknown as JsonSchema;
    schema = new Schema(minor, delta ? applyDelta(base, delta) : base);
    schemas.set(minor, schema);
  }
  return schema;
}

/** The default version's schema (always bundled). */
export const defaultSchema: Schema = /* @__PURE__ */ schemaFor()!;

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
