// The generated schemas' file format. One Kubernetes version (BASE_MINOR) is stored whole; each other
// version as the fields and types where it differs from the base, because the versions share almost
// everything and every bundle inlines every file.

/** The version stored whole; the engine's schema when no version is chosen. */
export const BASE_MINOR = '1.36';

export interface JsonField { type: string; required?: true; description?: string; enum?: string[] }
export interface JsonType { description?: string; fields: Record<string, JsonField> }
export interface JsonSchema {
  source: string;
  kinds: Record<string, { apiVersion: string; type: string }>;
  types: Record<string, JsonType>;
}

/** A type as it differs from the base: null removes it; a null description or field removes that part. */
export interface JsonTypeDelta { description?: string | null; fields?: Record<string, JsonField | null> }
export interface JsonSchemaDelta {
  base: string;
  source: string;
  kinds?: Record<string, { apiVersion: string; type: string } | null>;
  types?: Record<string, JsonTypeDelta | null>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function changes<T>(base: Record<string, T>, next: Record<string, T>, diff: (a: T, b: T) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(base)) if (!(k in next)) out[k] = null;
  for (const [k, v] of Object.entries(next)) {
    if (!(k in base)) out[k] = v;
    else if (!same(base[k], v)) out[k] = diff(base[k]!, v);
  }
  return out;
}

/** What `next` changes in `base` (applyDelta(base, deltaOf(base, next)) equals next). */
export function deltaOf(base: JsonSchema, next: JsonSchema): JsonSchemaDelta {
  const kinds = changes(base.kinds, next.kinds, (_, b) => b) as JsonSchemaDelta['kinds'];
  const types = changes(base.types, next.types, (a, b): JsonTypeDelta => {
    const fields = changes(a.fields, b.fields, (_, f) => f) as Record<string, JsonField | null>;
    const description = same(a.description, b.description) ? undefined : b.description ?? null;
    return { ...(description !== undefined ? { description } : {}), ...(Object.keys(fields).length ? { fields } : {}) };
  }) as JsonSchemaDelta['types'];
  return {
    base: BASE_MINOR, source: next.source,
    ...(Object.keys(kinds!).length ? { kinds } : {}),
    ...(Object.keys(types!).length ? { types } : {}),
  };
}

export function applyDelta(base: JsonSchema, delta: JsonSchemaDelta): JsonSchema {
  const kinds = { ...base.kinds };
  for (const [k, v] of Object.entries(delta.kinds ?? {})) {
    if (v) kinds[k] = v;
    else delete kinds[k];
  }
  const types = { ...base.types };
  for (const [name, d] of Object.entries(delta.types ?? {})) {
    if (!d) {
      delete types[name];
      continue;
    }
    const prev = types[name];
    const fields = { ...prev?.fields };
    for (const [f, v] of Object.entries(d.fields ?? {})) {
      if (v) fields[f] = v;
      else delete fields[f];
    }
    const description = d.description === undefined ? prev?.description : d.description ?? undefined;
    types[name] = { ...(description !== undefined ? { description } : {}), fields };
  }
  return { source: delta.source, kinds, types };
}
