// "Validate against the cluster": each object of a manifest goes to the API server as a server-side dry run
// (dryRun=All, fieldValidation=Strict: admission, defaulting and validation run, nothing is stored). A new object is a
// dry-run create; one that already exists (409) is a dry-run server-side apply. The document's own YAML text is sent,
// so the server judges exactly what is in the editor. Its answer becomes findings at source ranges: the causes' field
// paths, `unknown field "…"` paths and `line N` references are mapped back into the document.
import { parseAllDocuments, type Document } from 'yaml';
import type { ApiResponse, ApiStatus } from '../cluster/apiRequest';
import { statusOf } from '../cluster/apiRequest';
import { rangeOfFieldPath, type SourceRange } from '../../../../server/src/engine';
import { collectionPath, dryRunQuery, headerProblems, isLabel, objectPath, type HeaderProblem } from './dryRunRequest';

export interface ApiResource {
  /** Plural resource name, e.g. `pods`. */
  name: string;
  namespaced: boolean;
}

export interface DryRunTransport {
  /** Discovery; undefined when the server serves no such kind in that version. */
  resourceFor(apiVersion: string, kind: string): Promise<ApiResource | undefined>;
  send(method: 'POST' | 'PATCH', path: string, body: string, contentType: string): Promise<ApiResponse>;
}

export type FindingSeverity = 'error' | 'warning';

export interface DryRunFinding {
  start: number;
  end: number;
  severity: FindingSeverity;
  message: string;
  /** The Status cause reason (FieldValueInvalid, FieldValueRequired, …), when there is one. */
  code?: string;
}

export interface DryRunObjectResult {
  /** `Pod/web` or `Pod (generateName web-)`, for the summary. */
  label: string;
  outcome: 'accepted' | 'rejected' | 'skipped';
  operation?: 'create' | 'apply';
  findings: DryRunFinding[];
}

export async function dryRunManifest(text: string, transport: DryRunTransport, defaultNamespace: string): Promise<DryRunObjectResult[]> {
  return runDryRun(await planDryRun(text, transport, defaultNamespace), transport);
}

/** One object of the file: what would be sent where, or the result it already has without asking the server. */
export interface DryRunPlanItem {
  label: string;
  /** The document's span in the file (start, end), to pick the one at the cursor. */
  range: [number, number];
  kind?: string;
  /** Set when the object goes to the server. */
  request?: {
    apiVersion: string;
    resource: ApiResource;
    /** undefined for a cluster-scoped resource. */
    namespace?: string;
    name?: string;
    doc: Document;
    body: { text: string; start: number };
  };
  /** Set when the object is not sent: no apiVersion/kind, a kind the server does not serve, a value no path may hold. */
  result?: DryRunObjectResult;
}

/**
 * Reads every object of the file and asks discovery where each would go, so the user can be told what will be sent
 * (and asked, for Secrets and cluster-scoped objects) before anything but discovery reaches the server.
 */
export async function planDryRun(
  text: string,
  transport: DryRunTransport,
  defaultNamespace: string,
  include: (doc: Document) => boolean = () => true,
): Promise<DryRunPlanItem[]> {
  const items: DryRunPlanItem[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || doc.contents === null || !include(doc)) continue;
    items.push({ ...await planDocument(text, doc, transport, defaultNamespace), range: [doc.range[0], doc.range[2]] });
  }
  return items;
}

export async function runDryRun(plan: readonly DryRunPlanItem[], transport: DryRunTransport): Promise<DryRunObjectResult[]> {
  const results: DryRunObjectResult[] = [];
  for (const item of plan) results.push(item.result ?? await sendDocument(item, transport));
  return results;
}

interface ObjectHeader {
  apiVersion: string;
  kind: string;
  name?: string;
  generateName?: string;
  namespace?: string;
}

export function headerOf(doc: Document): ObjectHeader | undefined {
  let obj: unknown;
  try {
    obj = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  if (typeof obj !== 'object' || obj === null) return undefined;
  const o = obj as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; generateName?: unknown; namespace?: unknown } };
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') return undefined;
  // An empty string is absent, as kubectl reads it (an empty namespace is the default one).
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: str(o.metadata?.name),
    generateName: str(o.metadata?.generateName),
    namespace: str(o.metadata?.namespace),
  };
}

async function planDocument(source: string, doc: Document, transport: DryRunTransport, defaultNamespace: string): Promise<Omit<DryRunPlanItem, 'range'>> {
  const header = headerOf(doc);
  const top = rangeOfFieldPath(doc, []);
  if (!header) {
    return {
      label: 'object',
      result: {
        label: 'object',
        outcome: 'skipped',
        findings: [{ ...span(top), severity: 'warning', message: 'Not validated against the cluster: apiVersion and kind must be set' }],
      },
    };
  }
  const label = header.name ? `${header.kind}/${header.name}` : `${header.kind} (generateName ${header.generateName ?? '?'})`;
  const refuse = (problems: HeaderProblem[]): Omit<DryRunPlanItem, 'range'> => ({
    label,
    kind: header.kind,
    result: {
      label,
      outcome: 'rejected',
      findings: problems.map((p) => ({ ...span(rangeOfFieldPath(doc, p.field)), severity: 'error' as const, message: `${p.message} (not sent to the cluster)` })),
    },
  });
  // Before any request, discovery included: these values become parts of the URL.
  const problems = headerProblems(header);
  if (problems.length > 0) return refuse(problems);
  const resource = await transport.resourceFor(header.apiVersion, header.kind);
  if (!resource) {
    const at = rangeOfFieldPath(doc, ['kind']);
    return {
      label,
      kind: header.kind,
      result: {
        label,
        outcome: 'rejected',
        findings: [{ ...span(at), severity: 'error', message: `no matches for kind "${header.kind}" in version "${header.apiVersion}"` }],
      },
    };
  }
  const namespace = resource.namespaced ? header.namespace ?? defaultNamespace : undefined;
  if (namespace !== undefined && !isLabel(namespace)) {
    return refuse([{ field: ['metadata', 'namespace'], message: `the namespace ${JSON.stringify(namespace)} is not a valid namespace name` }]);
  }
  return {
    label,
    kind: header.kind,
    request: { apiVersion: header.apiVersion, resource, namespace, name: header.name, doc, body: documentText(source, doc) },
  };
}

async function sendDocument(item: DryRunPlanItem, transport: DryRunTransport): Promise<DryRunObjectResult> {
  const r = item.request;
  if (!r) throw new Error(`${item.label} has neither a request nor a result`);
  const { doc, body } = r;
  const collection = collectionPath(r.apiVersion, r.resource.name, r.namespace);
  let operation: 'create' | 'apply' = 'create';
  let response = await transport.send('POST', `${collection}?${dryRunQuery('create')}`, body.text, 'application/yaml');
  if (response.status === 409 && statusOf(response)?.reason === 'AlreadyExists' && r.name) {
    operation = 'apply';
    const object = objectPath(r.apiVersion, r.resource.name, r.namespace, r.name);
    response = await transport.send('PATCH', `${object}?${dryRunQuery('apply')}`, body.text, 'application/apply-patch+yaml');
  }
  const warnings = response.warnings.map((w) => warningFinding(doc, w));
  const label = item.label;
  if (response.status >= 200 && response.status < 300) return { label, outcome: 'accepted', operation, findings: warnings };
  return { label, outcome: 'rejected', operation, findings: [...statusFindings(doc, body, response), ...warnings] };
}

/** The document's text from the start of its first line, so the server's `line N` counts from a known place. */
export function documentText(source: string, doc: Document): { text: string; start: number } {
  const [from, , to] = doc.range ?? [0, source.length, source.length];
  const start = source.lastIndexOf('\n', from - 1) + 1;
  return { text: source.slice(start, to), start };
}

export function statusFindings(doc: Document, body: { text: string; start: number }, response: ApiResponse): DryRunFinding[] {
  const status = statusOf(response);
  const message = status?.message ?? (response.body.trim() || `the server answered HTTP ${response.status}`);
  const causes = (status?.details?.causes ?? []).filter((c) => c.field);
  if (causes.length > 0) {
    return causes.map((c) => ({
      ...span(rangeOfFieldPath(doc, c.field ?? '')),
      severity: 'error' as const,
      message: `${c.field}: ${c.message ?? c.reason ?? 'invalid'}`,
      code: c.reason,
    }));
  }
  const fromMessage = [...strictFieldFindings(doc, message), ...lineFindings(body, message)];
  if (fromMessage.length > 0) return fromMessage;
  return [{ ...span(placeOfWholeObjectError(doc, status)), severity: 'error', message, code: status?.reason }];
}

/** Strict field validation names paths in its message: `unknown field "spec.containers[0].imagee"`. */
function strictFieldFindings(doc: Document, message: string): DryRunFinding[] {
  const out: DryRunFinding[] = [];
  for (const m of message.matchAll(/(unknown|duplicate) field "([^"]+)"/g)) {
    out.push({ ...span(rangeOfFieldPath(doc, m[2], 'key')), severity: 'error', message: m[0], code: 'FieldValueInvalid' });
  }
  return out;
}

/** YAML the server could not read: `yaml: line 7: mapping values are not allowed in this context`. */
function lineFindings(body: { text: string; start: number }, message: string): DryRunFinding[] {
  const out: DryRunFinding[] = [];
  const lines = body.text.split('\n');
  for (const m of message.matchAll(/line (\d+): ([^\n]+)/g)) {
    const index = Number(m[1]) - 1;
    if (index < 0 || index >= lines.length) continue;
    const lineStart = body.start + lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
    out.push({ start: lineStart, end: lineStart + lines[index].length, severity: 'error', message: m[2].trim() });
  }
  return out;
}

/** A refusal about the object as a whole: a missing namespace points at metadata.namespace, the rest at the top. */
function placeOfWholeObjectError(doc: Document, status: ApiStatus | undefined): SourceRange {
  if (status?.reason === 'NotFound' && status.details?.kind === 'namespaces') return rangeOfFieldPath(doc, ['metadata', 'namespace']);
  if (status?.reason === 'AlreadyExists') return rangeOfFieldPath(doc, ['metadata', 'name']);
  return rangeOfFieldPath(doc, []);
}

/** Pod warnings start with the field they are about: `spec.containers[0].ports[0]: duplicate port definition …`. */
export function warningFinding(doc: Document, warning: string): DryRunFinding {
  const m = /^([a-zA-Z][\w-]*(?:\.[\w-]+|\[[^\]]*\])*): /.exec(warning);
  return { ...span(rangeOfFieldPath(doc, m ? m[1] : [])), severity: 'warning', message: warning };
}

/** One line for the notification after a run. */
export function dryRunSummary(results: readonly DryRunObjectResult[]): { text: string; ok: boolean } {
  const accepted = results.filter((r) => r.outcome === 'accepted');
  const rejected = results.filter((r) => r.outcome === 'rejected');
  const skipped = results.filter((r) => r.outcome === 'skipped');
  const parts: string[] = [];
  if (accepted.length) parts.push(`accepted ${accepted.map((r) => r.label).join(', ')}`);
  if (rejected.length) parts.push(`rejected ${rejected.map((r) => r.label).join(', ')}`);
  if (skipped.length) parts.push(`skipped ${skipped.length} without apiVersion/kind`);
  if (parts.length === 0) return { text: 'the document holds no Kubernetes object', ok: false };
  return { text: `server-side dry run: the API server ${parts.join('; ')}`, ok: rejected.length === 0 && skipped.length === 0 };
}

function span(r: SourceRange): { start: number; end: number } {
  return { start: r.start, end: r.end };
}
