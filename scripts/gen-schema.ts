// Derives the Pod-family schema of each bundled Kubernetes version (server/exact/versions.json) from the
// OpenAPI v3 specs that ship inside that version's k8s.io/kubernetes module (api/openapi-spec/v3), so
// the schema is never typed by hand and follows the same versions as exact validation.
//
//   node --import tsx scripts/gen-schema.ts            write server/src/engine/schema/generated/k8s-<minor>.json
//   node --import tsx scripts/gen-schema.ts --check    exit 1 when a committed file is out of date
//
// The module comes from the Go module cache through `go mod download -json` (the Go module proxy on a
// fresh machine). Only this generator needs Go: the files are committed, and the build reads them.
//
// One version (BASE_MINOR) is written whole; the others as a field-level delta against it, since the
// versions share almost everything and esbuild inlines every file into each bundle.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enumFromDescription } from '../server/src/engine/schema/build/enumFromDescription';
import { BASE_MINOR, deltaOf, type JsonSchema, type JsonSchemaDelta, type JsonType } from '../server/src/engine/schema/schemaDelta';
import versions from '../server/exact/versions.json';

/** Kinds the engine checks, with the OpenAPI definition of each. */
export const ROOT_KINDS: Record<string, string> = {
  Pod: 'io.k8s.api.core.v1.Pod',
  PodTemplate: 'io.k8s.api.core.v1.PodTemplate',
  ReplicationController: 'io.k8s.api.core.v1.ReplicationController',
  Deployment: 'io.k8s.api.apps.v1.Deployment',
  StatefulSet: 'io.k8s.api.apps.v1.StatefulSet',
  DaemonSet: 'io.k8s.api.apps.v1.DaemonSet',
  ReplicaSet: 'io.k8s.api.apps.v1.ReplicaSet',
  Job: 'io.k8s.api.batch.v1.Job',
  CronJob: 'io.k8s.api.batch.v1.CronJob',
};

export const GENERATED_DIR = join(__dirname, '..', 'server', 'src', 'engine', 'schema', 'generated');

/** Bundled versions, e.g. `v1.36.1`, newest first (the exact layer's list). */
export const VERSIONS: readonly string[] = versions.versions;

export function minorOf(version: string): string {
  const m = /^v(\d+\.\d+)\./.exec(version);
  if (!m) throw new Error(`not a Kubernetes version: ${version}`);
  return m[1]!;
}

export function outputFile(minor: string): string {
  return join(GENERATED_DIR, minor === BASE_MINOR ? `k8s-${minor}.json` : `k8s-${minor}.delta.json`);
}

interface Prop {
  type?: string;
  format?: string;
  description?: string;
  $ref?: string;
  allOf?: Prop[];
  items?: Prop;
  additionalProperties?: Prop | boolean;
  enum?: unknown[];
  properties?: Record<string, Prop>;
  required?: string[];
  oneOf?: Prop[];
}

interface Spec {
  paths?: Record<string, Record<string, { 'x-kubernetes-action'?: string; 'x-kubernetes-group-version-kind'?: { kind: string } }>>;
  components?: { schemas?: Record<string, Prop> };
}

/** Where the module of `version` lies, fetched by the go command if it is not cached yet. */
export function moduleDir(version: string): string {
  // Outside any Go module, so only the module cache and GOPROXY decide (go prints its JSON even on failure).
  let out: string;
  try {
    out = execFileSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], { encoding: 'utf8', cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: string; message: string };
    if (!e.stdout) throw new Error(`go mod download k8s.io/kubernetes@${version} failed (is Go installed?): ${e.message}`, { cause: err });
    out = e.stdout;
  }
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download k8s.io/kubernetes@${version}: ${info.Error ?? 'no Dir'}`);
  return info.Dir;
}

function readSpecs(dir: string): Spec[] {
  const specDir = join(dir, 'api', 'openapi-spec', 'v3');
  return readdirSync(specDir).filter((n) => n.endsWith('.json')).sort().map((n) => JSON.parse(readFileSync(join(specDir, n), 'utf8')) as Spec);
}

const REF = '#/components/schemas/';

/**
 * OpenAPI names -> the model names the engine uses (client-node's: `io.k8s.api.core.v1.Container` ->
 * `V1Container`), with the group prefixed where two groups define the same version and name
 * (`io.k8s.api.core.v1.ResourceClaim` -> `CoreV1ResourceClaim`).
 */
function modelNames(definitions: Iterable<string>): Map<string, string> {
  const short = (def: string): { name: string; group: string } => {
    const parts = def.split('.');
    const [version, name] = parts.slice(-2) as [string, string];
    const group = parts.at(-3)!;
    return { name: `${version[0]!.toUpperCase()}${version.slice(1)}${name}`, group: `${group[0]!.toUpperCase()}${group.slice(1)}` };
  };
  const count = new Map<string, number>();
  const all = [...new Set(definitions)];
  for (const d of all) count.set(short(d).name, (count.get(short(d).name) ?? 0) + 1);
  return new Map(all.map((d) => {
    const { name, group } = short(d);
    return [d, count.get(name)! > 1 ? `${group}${name}` : name];
  }));
}

/** The apiVersion each root kind is created under, read from the spec's POST path for the kind. */
function servedApiVersions(specs: readonly Spec[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of specs) {
    for (const [path, ops] of Object.entries(spec.paths ?? {})) {
      const post = ops.post;
      const kind = post?.['x-kubernetes-group-version-kind']?.kind;
      const m = /^\/apis?\/(.+?)\/namespaces\/\{namespace\}\/[a-z]+$/.exec(path);
      if (!kind || !m || post['x-kubernetes-action'] !== 'post' || !(kind in ROOT_KINDS)) continue;
      const prev = out.get(kind);
      if (prev && prev !== m[1]) throw new Error(`${kind} is created under both ${prev} and ${m[1]}`);
      out.set(kind, m[1]!);
    }
  }
  return out;
}

/** The spec's well-known leaf types, by definition, as the compact grammar writes them. */
const LEAF_TYPES: Record<string, string> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'date-time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'date-time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
};

export function generate(version: string, dir: string = moduleDir(version)): JsonSchema {
  const specs = readSpecs(dir);
  const defs = new Map<string, Prop>();
  for (const spec of specs) {
    for (const [name, def] of Object.entries(spec.components?.schemas ?? {})) if (!defs.has(name)) defs.set(name, def);
  }
  const names = modelNames(defs.keys());
  const types: Record<string, JsonType> = {};
  const queue: string[] = Object.values(ROOT_KINDS);

  const typeExpr = (where: string, p: Prop): string => {
    const ref = p.$ref ?? (p.allOf?.length === 1 ? p.allOf[0]!.$ref : undefined);
    if (ref) {
      const def = ref.slice(REF.length);
      if (!ref.startsWith(REF) || !defs.has(def)) throw new Error(`${where}: unresolved $ref ${ref}`);
      const leaf = LEAF_TYPES[def];
      if (leaf) return leaf;
      queue.push(def);
      return names.get(def)!;
    }
    switch (p.type) {
      case 'array':
        if (!p.items) throw new Error(`${where}: array without items`);
        return `[]${typeExpr(`${where}[]`, p.items)}`;
      case 'object':
        if (typeof p.additionalProperties === 'object') return `{}${typeExpr(`${where}{}`, p.additionalProperties)}`;
        return 'any';
      case 'string': return p.format === 'byte' || p.format === 'date-time' ? p.format : 'string';
      case 'boolean': return 'boolean';
      case 'integer':
        if (p.format === 'int32' || p.format === 'int64') return p.format;
        break;
      case 'number': return 'double';
    }
    throw new Error(`${where}: unsupported schema ${JSON.stringify(p).slice(0, 200)}`);
  };

  while (queue.length) {
    const def = queue.shift()!;
    const name = names.get(def)!;
    if (types[name]) continue;
    const schema = defs.get(def)!;
    const required = new Set(schema.required ?? []);
    const fields: JsonType['fields'] = {};
    types[name] = { ...(schema.description ? { description: schema.description } : {}), fields };
    for (const [field, p] of Object.entries(schema.properties ?? {})) {
      const values = p.enum?.length ? p.enum.filter((v): v is string => typeof v === 'string') : p.description ? enumFromDescription(p.description) : undefined;
      fields[field] = {
        type: typeExpr(`${name}.${field}`, p),
        ...(required.has(field) ? { required: true as const } : {}),
        ...(p.description ? { description: p.description } : {}),
        ...(values?.length ? { enum: values } : {}),
      };
    }
  }

  const served = servedApiVersions(specs);
  const kinds: JsonSchema['kinds'] = {};
  for (const [kind, def] of Object.entries(ROOT_KINDS)) {
    const apiVersion = served.get(kind);
    if (!apiVersion) throw new Error(`${version}: no namespaced POST path creates ${kind}`);
    kinds[kind] = { apiVersion, type: names.get(def)! };
  }
  return sortKeys({ source: `k8s.io/kubernetes ${version} api/openapi-spec/v3`, kinds, types }) as JsonSchema;
}

/** Deterministic output: object keys sorted at every level, arrays kept in order. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function render(content: JsonSchema | JsonSchemaDelta): string {
  return `${JSON.stringify(content, null, 1)}\n`;
}

/** Every file the generator writes, by path, with its text: the base version whole, the others as deltas. */
export function generateAll(dirOf: (version: string) => string = moduleDir): Map<string, string> {
  const base = VERSIONS.find((v) => minorOf(v) === BASE_MINOR);
  if (!base) throw new Error(`the base version ${BASE_MINOR} is not among ${VERSIONS.join(', ')}`);
  const baseSchema = generate(base, dirOf(base));
  const out = new Map<string, string>();
  for (const version of VERSIONS) {
    const minor = minorOf(version);
    const schema = minor === BASE_MINOR ? baseSchema : generate(version, dirOf(version));
    out.set(outputFile(minor), render(minor === BASE_MINOR ? schema : sortKeys(deltaOf(baseSchema, schema)) as JsonSchemaDelta));
  }
  return out;
}

function main(): void {
  const files = generateAll();
  if (process.argv.includes('--check')) {
    const stale = [...files].filter(([file, text]) => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== text).map(([file]) => file);
    if (stale.length) {
      console.error(`out of date (run npm run gen:schema):\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`${files.size} schema files are up to date`);
    return;
  }
  for (const [file, text] of files) {
    writeFileSync(file, text);
    console.log(`wrote ${file}: ${text.length} bytes`);
  }
}

if (require.main === module) main();
