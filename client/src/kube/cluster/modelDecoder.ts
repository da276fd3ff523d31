// Raw API JSON made into the typed shape client-node's models give (timestamps as Date, keys renamed where a model
// renames them), without client-node's ObjectSerializer. That serializer builds a class instance for every nested
// object and visits every attribute a model declares, present or not: at 50,000 pods it cost more than parsing the
// JSON. Here the attribute maps are read once per model and compiled into a walk that visits only the paths that hold
// a Date or a renamed key, converting the parsed JSON in place. Fields a model does not declare are kept (the
// serializer drops them); nothing typed reads them.
import * as models from '@kubernetes/client-node';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';

interface AttributeType {
  name: string;
  baseName: string;
  type: string;
}

interface ModelClass {
  getAttributeTypeMap(): AttributeType[];
}

/** Converts one value of a type in place (or returns its replacement, for a Date). */
type Convert = (value: unknown) => unknown;

export type Decoder<T> = (json: unknown) => T;

export interface DecoderOptions {
  /** Top-level metadata fields to drop (e.g. managedFields, which nothing in the explorer reads and which is large). */
  dropMetadata?: readonly string[];
}

const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

/** The decoder of a client-node model by name (e.g. 'V1Pod'); JSON null and non-objects pass through. */
export function modelDecoder<T>(model: string, options: DecoderOptions = {}): Decoder<T> {
  const convert = compile(model, new Map()) ?? ((v: unknown) => v);
  const drop = options.dropMetadata ?? [];
  return (json) => {
    if (drop.length > 0 && isObject(json) && isObject(json.metadata)) {
      for (const key of drop) delete json.metadata[key];
    }
    return convert(json) as T;
  };
}

/**
 * The converter of `type`, or undefined when values of that type need nothing (no Date or renamed key anywhere
 * inside). A model met again while it is being compiled (a recursive one, like JSONSchemaProps) is reached through
 * a lookup at run time, since its converter does not exist yet.
 */
function compile(type: string, compiling: Map<string, Convert | undefined | 'pending'>): Convert | undefined {
  if (type === 'Date') return toDate;
  const array = ARRAY.exec(type);
  if (array) {
    const item = compile(array[1], compiling);
    return item && ((v) => {
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = item(v[i]);
      return v;
    });
  }
  const map = MAP.exec(type);
  if (map) {
    const entry = compile(map[1], compiling);
    return entry && ((v) => {
      if (isObject(v)) for (const k of Object.keys(v)) v[k] = entry(v[k]);
      return v;
    });
  }
  const known = compiling.get(type);
  if (known === 'pending') {
    return (v) => {
      const done = compiling.get(type);
      return typeof done === 'function' ? done(v) : v;
    };
  }
  if (known !== undefined || compiling.has(type)) return known;
  const cls = (models as unknown as Record<string, Partial<ModelClass> | undefined>)[type];
  if (typeof cls?.getAttributeTypeMap !== 'function') return undefined;
  compiling.set(type, 'pending');
  const steps: { from: string; to: string; convert: Convert | undefined }[] = [];
  for (const a of cls.getAttributeTypeMap()) {
    const convert = compile(a.type, compiling);
    if (convert || a.baseName !== a.name) steps.push({ from: a.baseName, to: a.name, convert });
  }
  const result: Convert | undefined = steps.length === 0 ? undefined : (v) => {
    if (!isObject(v)) return v;
    for (const s of steps) {
      const raw = v[s.from];
      if (raw === undefined) continue;
      if (s.from !== s.to) delete v[s.from];
      v[s.to] = s.convert && raw !== null ? s.convert(raw) : raw;
    }
    return v;
  };
  compiling.set(type, result);
  return result;
}

/** What ObjectSerializer does with a Date attribute (an RFC 3339 string from the server). */
function toDate(v: unknown): unknown {
  return typeof v === 'string' || typeof v === 'number' ? new Date(v) : v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Pods and events as the explorer keeps them: typed like client-node's models, without managedFields (large, and shown
 * nowhere: the YAML view reads the pod raw).
 */
export const decodePod: Decoder<V1Pod> = modelDecoder<V1Pod>('V1Pod', { dropMetadata: ['managedFields'] });
export const decodeEvent: Decoder<CoreV1Event> = modelDecoder<CoreV1Event>('CoreV1Event', { dropMetadata: ['managedFields'] });
