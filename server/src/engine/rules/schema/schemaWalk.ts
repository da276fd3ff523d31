// One walk of a document against the schema of its Kubernetes version, from the kind's root type down, shared by
// the unknown-field, invalid-type and required-field rules (memoized per document, so it runs once).
// It follows what the API server sees: the JSON kubectl makes of the YAML (YAML 1.1 scalars, `<<`
// merge keys expanded), decoded strictly into the Go types.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { PathSeg } from '../../path';
import type { ObjectContext } from '../../rule';
import { displayName, typeLabel, type ObjectType, type Schema, type SchemaType } from '../../schema/schema';
import { keyName, nodeSpan, resolve } from '../../yamlNodes';
import { QUANTITY_FORMAT_ERROR, unmarshalError, type JsonKind } from './goDecode';
import { didYouMean, type Suggestion } from './didYouMean';
import { jsonScalar, type JsonScalar } from './kubectlScalar';

export interface UnknownFieldIssue {
  code: 'unknown-field';
  pair: Pair;
  key: string;
  path: PathSeg[];
  /** The field the key most likely meant, if any. */
  suggestion?: Suggestion;
  /** True when renaming the key to the suggestion is safe (unique best match, not already present). */
  fixable: boolean;
}

export interface InvalidTypeIssue {
  code: 'invalid-type';
  node: Node;
  path: PathSeg[];
  message: string;
  /** A string was expected and quoting the scalar's source text makes it one. */
  quoted?: string;
}

export interface RequiredFieldIssue {
  code: 'required-field';
  /** The parent map when the key is missing; the pair when its value is null. */
  node: Node | Pair;
  on?: 'key';
  path: PathSeg[];
}

export type SchemaIssue = UnknownFieldIssue | InvalidTypeIssue | RequiredFieldIssue;

/**
 * Fields the OpenAPI schema marks required (no `omitempty` in Go) that kube-apiserver nonetheless accepts
 * when absent, so reporting them would contradict the server.
 */
const NOT_ENFORCED = new Set([
  'V1HTTPHeader.value', // validateHTTPGetAction checks only header names
  'V1SleepAction.seconds', // 0 is allowed since PodLifecycleSleepActionAllowZero
  'V1Sysctl.value', // validateSysctls checks only names
  'V1PreferredSchedulingTerm.preference', // an empty node selector term is valid here
]);

/** Every object we check must say what it is, and have metadata (name or generateName lives there). */
const ROOT_REQUIRED = ['apiVersion', 'kind', 'metadata'];

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63] } as const;

interface Loc {
  path: PathSeg[];
  /** Dotted JSON names without indices or map keys, as encoding/json prints a field. */
  jsonPath: string[];
  /** Go struct that holds the current field. */
  owner: string;
  /** Under the top-level status: the server ignores it on write, so nothing there is required. */
  inStatus: boolean;
}

// Keyed by schema too: the language server re-checks the same parsed document under another version.
const cache = new WeakMap<Document, { schema: Schema; issues: SchemaIssue[] }>();

export function schemaIssues(ctx: ObjectContext): SchemaIssue[] {
  const hit = cache.get(ctx.doc);
  if (hit?.schema === ctx.schema) return hit.issues;
  const issues = new SchemaWalk(ctx).run();
  cache.set(ctx.doc, { schema: ctx.schema, issues });
  return issues;
}

class SchemaWalk {
  private readonly out: SchemaIssue[] = [];
  private readonly seen = new Map<Node, Set<string>>();

  constructor(private readonly ctx: ObjectContext) {}

  run(): SchemaIssue[] {
    const root = this.ctx.schema.rootTypeFor(this.ctx.object.kind);
    if (root) this.walkObject(this.ctx.object.root, root, { path: [], jsonPath: [], owner: displayName(root.name), inStatus: false }, true);
    return this.out;
  }

  private walkValue(raw: unknown, type: SchemaType, at: Loc): void {
    const node = resolve(raw, this.ctx.doc);
    if (!node || (isScalar(node) && (node.value === null || node.value === undefined))) return; // null: accepted
    if (type.kind === 'any' || this.alreadyWalked(node, type)) return;
    if (type.kind === 'object') {
      const objType = type.ref ? this.ctx.schema.typeByName(type.ref) : undefined;
      if (!isMap(node)) this.typeIssue(node, type, at);
      else if (objType) this.walkObject(node as YAMLMap, objType, at, false);
    } else if (type.kind === 'array') {
      if (!isSeq(node)) return this.typeIssue(node, type, at);
      node.items.forEach((item, i) => type.itemType && this.walkValue(item, type.itemType, { ...at, path: [...at.path, i] }));
    } else if (type.kind === 'map') {
      if (!isMap(node)) return this.typeIssue(node, type, at);
      for (const { pair, key } of this.effectivePairs(node as YAMLMap)) {
        if (type.itemType) this.walkValue(pair.value, type.itemType, { ...at, path: [...at.path, { key }] });
      }
    } else if (!isScalar(node)) {
      this.typeIssue(node, type, at);
    } else {
      this.checkScalar(node, type, at);
    }
  }

  private walkObject(map: YAMLMap, type: ObjectType, at: Loc, isRoot: boolean): void {
    const owner = displayName(type.name);
    const present = new Map<string, Pair>();
    const entries = this.effectivePairs(map);
    for (const { key, pair } of entries) present.set(key, pair);
    // A required field that an unknown key misspells is reported once, as the unknown field
    // (the server's strict decoding fails before validation would miss the field).
    const misspelt = new Set<string>();
    for (const { pair, key } of entries) {
      const field = this.ctx.schema.fieldOf(type, key);
      const path = [...at.path, key];
      if (!field) {
        const suggestion = didYouMean(key, type.fields.map((f) => f.name));
        if (suggestion) misspelt.add(suggestion.name);
        const fixable = !!suggestion?.clear && !present.has(suggestion.name);
        this.out.push({ code: 'unknown-field', pair, key, path, fixable, ...(suggestion ? { suggestion } : {}) });
        continue;
      }
      const inStatus = at.inStatus || (isRoot && key === 'status');
      this.walkValue(pair.value, field, { path, jsonPath: [...at.jsonPath, key], owner, inStatus });
    }
    if (at.inStatus) return;
    const required = type.fields.filter((f) => f.required && !NOT_ENFORCED.has(`${type.name}.${f.name}`)).map((f) => f.name);
    for (const name of isRoot ? [...ROOT_REQUIRED, ...required] : required) {
      const pair = present.get(name);
      const path = [...at.path, name];
      if (!pair && misspelt.has(name)) continue;
      if (!pair) this.out.push({ code: 'required-field', node: map, path });
      else if (this.isNull(pair.value)) this.out.push({ code: 'required-field', node: pair, on: 'key', path });
    }
  }

  /** The map's pairs as JSON sees them: `<<` merge keys expanded, explicit keys winning over merged ones. */
  private effectivePairs(map: YAMLMap, merging: ReadonlySet<YAMLMap> = new Set()): { key: string; pair: Pair }[] {
    const explicit: { key: string; pair: Pair }[] = [];
    const merged: { key: string; pair: Pair }[] = [];
    for (const item of map.items) {
      const pair = item as Pair;
      const key = keyName(pair);
      if (key === undefined) continue;
      const sources = key === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN' ? this.mergeSources(pair.value) : undefined;
      if (sources) {
        // A map that merges itself (through an alias cycle) contributes nothing more.
        const next = new Set([...merging, map]);
        for (const source of sources.filter((m) => !next.has(m))) {
          merged.push(...this.effectivePairs(source, next).filter((m) => !merged.some((x) => x.key === m.key)));
        }
      } else {
        explicit.push({ key, pair });
      }
    }
    const own = new Set(explicit.map((e) => e.key));
    return [...explicit, ...merged.filter((m) => !own.has(m.key))];
  }

  /** Maps a `<<` value merges in (one map or a list of maps), or undefined when it is not a merge. */
  private mergeSources(value: unknown): YAMLMap[] | undefined {
    const node = resolve(value, this.ctx.doc);
    if (isMap(node)) return [node as YAMLMap];
    if (!isSeq(node)) return undefined;
    const maps = node.items.map((i) => resolve(i, this.ctx.doc));
    return maps.every((m) => isMap(m)) ? (maps as YAMLMap[]) : undefined;
  }

  private checkScalar(node: Scalar, type: SchemaType, at: Loc): void {
    const json = jsonScalar(node);
    if (json.kind === 'number' && !Number.isFinite(json.number)) {
      // .nan and .inf have no JSON form: sigs.k8s.io/yaml fails before any field is looked at.
      const text = this.sourceText(node) ?? (Number.isNaN(json.number) ? '.nan' : '.inf');
      this.out.push({ code: 'invalid-type', node, path: at.path, message: `${text} has no JSON form; kubectl fails with "error converting YAML to JSON: json: unsupported value"` });
      return;
    }
    if (accepts(type, json)) return;
    // encoding/json names a number that does not fit an integer by its literal: "number 1.5".
    const actual = json.kind === 'number' && (type.kind === 'integer' || type.kind === 'int-or-string') ? `number ${json.number}` : json.kind;
    const text = this.sourceText(node);
    const wantsString = type.kind === 'string' && (json.kind === 'number' || json.kind === 'bool') && text !== undefined;
    const hint = wantsString && json.yaml11
      ? ` (kubectl reads YAML 1.1, where unquoted ${text} is a ${json.kind === 'bool' ? 'boolean' : 'number'}; quote it to keep it a string)`
      : '';
    this.typeIssue(node, type, at, actual, hint, wantsString ? JSON.stringify(text) : undefined);
  }

  private typeIssue(node: Node, type: SchemaType, at: Loc, actual: string = jsonKindOf(node), hint = '', quoted?: string): void {
    let message: string;
    if (type.kind === 'quantity') {
      message = `${QUANTITY_FORMAT_ERROR} (expected a quantity such as "500m" or 2, got ${actual})`;
    } else if (type.kind === 'int-or-string') {
      message = `${unmarshalError(actual, at.owner, at.jsonPath.join('.'), { kind: 'integer', format: 'int32' })} (expected an integer or a string)`;
    } else {
      message = unmarshalError(actual, at.owner, at.jsonPath.join('.'), type);
    }
    this.out.push({ code: 'invalid-type', node, path: at.path, message: message + hint, ...(quoted ? { quoted } : {}) });
  }

  private alreadyWalked(node: Node, type: SchemaType): boolean {
    if (!isMap(node) && !isSeq(node)) return false;
    const label = typeLabel(type);
    let labels = this.seen.get(node);
    if (!labels) this.seen.set(node, (labels = new Set()));
    if (labels.has(label)) return true;
    labels.add(label);
    return false;
  }

  private isNull(value: unknown): boolean {
    const node = resolve(value, this.ctx.doc);
    return !node || (isScalar(node) && (node.value === null || node.value === undefined));
  }

  private sourceText(node: Node): string | undefined {
    const span = nodeSpan(node);
    return span ? this.ctx.file.text.slice(span[0], span[1]) : undefined;
  }
}

function accepts(type: SchemaType, json: JsonScalar): boolean {
  switch (type.kind) {
    case 'string': return json.kind === 'string';
    case 'boolean': return json.kind === 'bool';
    case 'number': return json.kind === 'number';
    case 'quantity': return json.kind === 'string' || json.kind === 'number';
    case 'integer': return json.kind === 'number' && fitsInteger(json.number!, type.format === 'int64' ? 'int64' : 'int32');
    case 'int-or-string': return json.kind === 'string' || (json.kind === 'number' && fitsInteger(json.number!, 'int32'));
    default: return true;
  }
}

function fitsInteger(n: number, format: 'int32' | 'int64'): boolean {
  const [min, max] = INT_RANGE[format];
  return Number.isInteger(n) && n >= min && n <= max;
}

function jsonKindOf(node: Node): JsonKind {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  const json = isScalar(node) ? jsonScalar(node) : { kind: 'null' as const };
  return json.kind === 'null' ? 'string' : json.kind;
}
