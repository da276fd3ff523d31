// Which objects of the open manifest Apply, Create and Delete act on, checked before anything is sent. YAML that does
// not parse, or a document that is no Kubernetes object, stops the command with a message and no request at all (as
// kubectl refuses the whole file before its first request); a kind the server does not serve, or a value no API path
// may hold, stops it after discovery, with findings for Problems.
import { parseAllDocuments, type Document } from 'yaml';
import { rangeOfFieldPath } from '../../../../server/src/engine';
import { headerOf, planDryRun, type DryRunObjectResult, type DryRunPlanItem, type DryRunTransport } from '../dryRun/dryRunValidate';

/** An object of the file that discovery placed: its resource, namespace and the document's own text. */
export type ObjectTarget = DryRunPlanItem & { request: NonNullable<DryRunPlanItem['request']> };

export type Targets =
  | { kind: 'ok'; targets: ObjectTarget[] }
  /** `problem` completes "Podscope: …"; `results` carry findings for Problems when the server's answer placed them. */
  | { kind: 'refused'; problem: string; results?: DryRunObjectResult[] };

export interface TargetOptions {
  /** Only the document holding this offset ("the one at the cursor"); undefined = every document. */
  cursor?: number;
  /** What the command is called in messages: `apply`, `create`, `delete`. */
  verb: string;
}

/** The first syntax error of the file as `line N: message`, or undefined when every document parses. */
export function syntaxProblem(docs: readonly Document.Parsed[]): string | undefined {
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) return `line ${err.linePos?.[0].line ?? '?'}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  return undefined;
}

function hasContent(doc: Document): boolean {
  return doc.contents !== null;
}

export async function manifestTargets(text: string, transport: DryRunTransport, namespace: string, o: TargetOptions): Promise<Targets> {
  const all = parseAllDocuments(text);
  const docs: Document.Parsed[] = Array.isArray(all) ? all : [];
  const syntax = syntaxProblem(docs);
  if (syntax) return { kind: 'refused', problem: `the manifest has a YAML syntax error (${syntax}); nothing was sent to the cluster.` };
  const chosen = docs.filter((d) => hasContent(d) && (o.cursor === undefined || (d.range[0] <= o.cursor && o.cursor <= d.range[2])));
  if (chosen.length === 0) {
    return { kind: 'refused', problem: o.cursor === undefined ? 'the file holds no YAML document to ' + o.verb + '.' : `there is no YAML document at the cursor to ${o.verb}.` };
  }
  const headerless = chosen.filter((d) => !headerOf(d));
  if (headerless.length === chosen.length) {
    return { kind: 'refused', problem: `this is not a Kubernetes manifest (no document sets apiVersion and kind); nothing was sent to the cluster.` };
  }
  if (headerless.length > 0) {
    const first = headerless[0];
    const line = lineOf(text, first.contents?.range[0] ?? first.range[0]);
    return { kind: 'refused', problem: `the document at line ${line} is not a Kubernetes object (it sets no apiVersion and kind); nothing was sent to the cluster.` };
  }
  const starts = new Set(chosen.map((d) => d.range[0]));
  const plan = await planDryRun(text, transport, namespace, (d) => starts.has(d.range?.[0] ?? -1));
  const refused = plan.flatMap((i) => (i.result ? [i.result] : i.request?.name === undefined && o.verb !== 'create' ? [unnamed(i, o.verb)] : []));
  if (refused.length > 0) {
    return { kind: 'refused', problem: `cannot ${o.verb} ${refused.map((r) => r.label).join(', ')} (see Problems); nothing was ${o.verb === 'delete' ? 'deleted' : 'sent'}.`, results: refused };
  }
  return { kind: 'ok', targets: plan as ObjectTarget[] };
}

/** kubectl's rule: apply and delete address an object by name; only create may let the server generate one. */
function unnamed(item: DryRunPlanItem, verb: string): DryRunObjectResult {
  const doc = item.request?.doc;
  const at = doc ? rangeOfFieldPath(doc, ['metadata']) : { start: item.range[0], end: item.range[0] };
  const message = `metadata.name: Required value: name is required (generateName cannot be used with ${verb})`;
  return { label: item.label, outcome: 'rejected', findings: [{ start: at.start, end: at.end, severity: 'error', message }] };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The object's name; manifestTargets refused unnamed objects for every verb but create. */
export function nameOf(t: ObjectTarget): string {
  if (t.request.name === undefined) throw new Error(`${t.label} has no name`);
  return t.request.name;
}

export interface ObjectHead {
  /** Where the object's first key starts. */
  offset: number;
  kind: string;
  apiVersion: string;
}

/** Each Kubernetes object of the file (documents that parse and set apiVersion and kind), at its first key. */
export function objectHeads(text: string): ObjectHead[] {
  const heads: ObjectHead[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || doc.contents === null || doc.errors.length > 0) continue;
    const header = headerOf(doc);
    if (header) heads.push({ offset: doc.contents.range[0], kind: header.kind, apiVersion: header.apiVersion });
  }
  return heads;
}
