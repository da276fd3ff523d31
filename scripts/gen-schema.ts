// Derives the Pod-family schema of Kubernetes 1.36 from @kubernetes/client-node's generated models, so
// the schema is never typed by hand and moves with the client library.
//
//   node --import tsx scripts/gen-schema.ts            write server/src/engine/schema/generated/k8s-1.36.json
//   node --import tsx scripts/gen-schema.ts --check    exit 1 when the committed file is out of date
//
// Sources, all inside node_modules/@kubernetes/client-node/dist/gen:
//   models/*.js    attributeTypeMap: JSON name, TypeScript type and OpenAPI format of each field
//   models/*.d.ts  JSDoc descriptions, and `'x': T` (required) vs `'x'?: T` (optional)
//   apis/*.js      the REST path of `createNamespaced<Kind>`, which gives each kind's served apiVersion
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { enumFromDescription } from '../server/src/engine/schema/build/enumFromDescription';
import { QUANTITY_FIELDS } from '../server/src/engine/schema/build/quantityFields';

export const ROOT_MODELS = ['V1Pod', 'V1Deployment', 'V1StatefulSet', 'V1DaemonSet', 'V1ReplicaSet', 'V1ReplicationController', 'V1Job', 'V1CronJob', 'V1PodTemplate'] as const;

export const OUTPUT = join(__dirname, '..', 'server', 'src', 'engine', 'schema', 'generated', 'k8s-1.36.json');

interface Attribute { name: string; baseName: string; type: string; format: string }
interface JsonField { type: string; required?: true; description?: string; enum?: string[] }
interface JsonType { description?: string; fields: Record<string, JsonField> }
export interface JsonSchema {
  source: string;
  kinds: Record<string, { apiVersion: string; type: string }>;
  types: Record<string, JsonType>;
}

function clientNodeDir(): string {
  // The package's exports map hides package.json; its main entry sits in dist/.
  return join(dirname(require.resolve('@kubernetes/client-node')), '..');
}

/** TypeScript types as client-node writes them -> the schema's compact type grammar. */
function typeExpr(model: string, attr: Attribute): string {
  const quantity = QUANTITY_FIELDS.has(`${model}.${attr.baseName}`);
  const convert = (t: string): string => {
    const arr = /^Array<(.+)>$/.exec(t);
    if (arr) return `[]${convert(arr[1]!)}`;
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
    if (map) return `{}${convert(map[1]!)}`;
    switch (t) {
      case 'string':
        if (quantity) return 'quantity';
        return attr.format === 'byte' ? 'byte' : 'string';
      case 'Date': return 'date-time';
      case 'boolean': return 'boolean';
      case 'number': return attr.format === 'int32' || attr.format === 'int64' ? attr.format : 'double';
      case 'IntOrString': return 'int-or-string';
      case 'any': return 'any';
    }
    if (/^[A-Z][A-Za-z0-9]*$/.test(t)) return t;
    throw new Error(`${model}.${attr.baseName}: unsupported type ${t}`);
  };
  return convert(attr.type);
}

function refsOf(expr: string): string | undefined {
  const inner = expr.replace(/^(\[\]|\{\})+/, '');
  return /^[A-Z]/.test(inner) ? inner : undefined;
}

interface DeclInfo { description?: string; members: Map<string, { required: boolean; description?: string }> }

/** JSDoc text of a node, with the generator's `\'` and `\"` escapes undone. */
function jsDoc(node: ts.Node, sf: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => sf.text.startsWith('/**', r.pos)).at(-1);
  if (!last) return undefined;
  const body = sf.text.slice(last.pos + 3, last.end - 2)
    .split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join('\n').trim();
  const text = body.replace(/\\(['"])/g, '$1');
  return text === '' ? undefined : text;
}

function readDeclaration(file: string, model: string): DeclInfo {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const cls = sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === model);
  if (!cls) throw new Error(`${file}: no class ${model}`);
  const members = new Map<string, { required: boolean; description?: string }>();
  for (const m of cls.members) {
    if (!ts.isPropertyDeclaration(m) || !ts.isStringLiteral(m.name)) continue;
    members.set(m.name.text, { required: !m.questionToken, description: jsDoc(m, sf) });
  }
  return { description: jsDoc(cls, sf), members };
}

function readAttributes(file: string, model: string): Attribute[] {
  const text = readFileSync(file, 'utf8');
  const marker = `${model}.attributeTypeMap = `;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${file}: no attributeTypeMap`);
  const start = at + marker.length;
  const end = text.indexOf('];', start);
  return JSON.parse(text.slice(start, end + 1)) as Attribute[];
}

/** apiVersion of each root kind, read from the REST path client-node uses to create it. */
function servedApiVersions(genDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const apisDir = join(genDir, 'apis');
  for (const f of readdirSync(apisDir).filter((n) => n.endsWith('Api.js')).sort()) {
    const text = readFileSync(join(apisDir, f), 'utf8');
    // The scan between method name and path must not run into the next method.
    const re = /\n {4}async createNamespaced([A-Za-z]+)\((?:(?!\n {4}async )[\s\S])*?const localVarPath = '\/apis?\/([^']*?)\/namespaces\/\{namespace\}\/[a-z]+'/g;
    for (const m of text.matchAll(re)) {
      const kind = m[1]!;
      if (!ROOT_MODELS.includes(`V1${kind}` as (typeof ROOT_MODELS)[number])) continue;
      const prev = out.get(kind);
      if (prev && prev !== m[2]) throw new Error(`${kind} is created under both ${prev} and ${m[2]}`);
      out.set(kind, m[2]!);
    }
  }
  return out;
}

export function generate(): JsonSchema {
  const genDir = join(clientNodeDir(), 'dist', 'gen');
  const modelsDir = join(genDir, 'models');
  const pkg = JSON.parse(readFileSync(join(clientNodeDir(), 'package.json'), 'utf8')) as { version: string };
  const types: Record<string, JsonType> = {};
  const usedQuantities = new Set<string>();
  const queue: string[] = [...ROOT_MODELS];
  while (queue.length) {
    const model = queue.shift()!;
    if (types[model]) continue;
    const jsFile = join(modelsDir, `${model}.js`);
    if (!existsSync(jsFile)) throw new Error(`model ${model} not found in ${modelsDir}`);
    const decl = readDeclaration(join(modelsDir, `${model}.d.ts`), model);
    const fields: Record<string, JsonField> = {};
    for (const attr of readAttributes(jsFile, model)) {
      const type = typeExpr(model, attr);
      if (type.includes('quantity')) usedQuantities.add(`${model}.${attr.baseName}`);
      const member = decl.members.get(attr.name);
      const field: JsonField = { type };
      if (member?.required) field.required = true;
      if (member?.description) field.description = member.description;
      const values = member?.description ? enumFromDescription(member.description) : undefined;
      if (values) field.enum = values;
      fields[attr.baseName] = field;
      const ref = refsOf(type);
      if (ref && !types[ref]) queue.push(ref);
    }
    types[model] = { ...(decl.description ? { description: decl.description } : {}), fields };
  }
  // A quantity entry that matches nothing means client-node renamed or moved a field: fail loudly.
  const unused = [...QUANTITY_FIELDS].filter((q) => !usedQuantities.has(q));
  if (unused.length) throw new Error(`quantity fields not found among reachable string fields: ${unused.join(', ')}`);

  const versions = servedApiVersions(genDir);
  const kinds: JsonSchema['kinds'] = {};
  for (const model of ROOT_MODELS) {
    const kind = model.slice(2);
    const apiVersion = versions.get(kind);
    if (!apiVersion) throw new Error(`no createNamespaced${kind} found in client-node's APIs`);
    kinds[kind] = { apiVersion, type: model };
  }
  return sortKeys({ source: `@kubernetes/client-node ${pkg.version} models (OpenAPI release-1.36)`, kinds, types }) as JsonSchema;
}

/** Deterministic output: object keys sorted at every level, arrays kept in order. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function render(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 1)}\n`;
}

function main(): void {
  const text = render(generate());
  if (process.argv.includes('--check')) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${OUTPUT} is out of date: run npm run gen:schema`);
      process.exit(1);
    }
    console.log(`${OUTPUT} is up to date`);
    return;
  }
  writeFileSync(OUTPUT, text);
  const schema = JSON.parse(text) as JsonSchema;
  console.log(`wrote ${OUTPUT}: ${Object.keys(schema.types).length} types, ${text.length} bytes`);
}

if (require.main === module) main();
