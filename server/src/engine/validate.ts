// The engine's one entry point: text in, findings out. No I/O, no editor types.
import type { Node, Pair } from 'yaml';
import { isPair } from 'yaml';
import { splitDocuments } from './documentSplit';
import { k8sObjectOf, looksLikeKubernetes, looksTemplated, podLocation } from './k8sObject';
import { atLine, parseFile, rangeAt, syntaxFindings, type ParsedDocument, type ParsedFile } from './parse';
import { tooLargeFinding } from './sizeLimit';
import { firstLineEnd } from './lines';
import { formatPath } from './path';
import { schemaFor, SCHEMA_VERSIONS, type Schema } from './schema/schema';
import { containersOf } from './podModel';
import type { RuleRegistry } from './registry';
import type { ObjectContext, PodContext, Report, Rule } from './rule';
import type { Finding, Fix, Range, RuleSettings } from './types';
import { nodeSpan } from './yamlNodes';

export interface ValidateOptions {
  settings?: RuleSettings;
  /** Longest text checked, in characters; a longer one gets one `file-too-large` finding instead. */
  maxLength?: number;
  /** The Kubernetes version (`1.35`) whose schema the schema rules check against; default DEFAULT_SCHEMA_VERSION. */
  kubernetesVersion?: string;
}

/**
 * Checks a whole file the way the language server does: document by document as documentSplit.ts
 * cuts it, each parsed on its own, positions in file lines. One text, one answer, in both.
 */
export function validateText(text: string, registry: RuleRegistry, options: ValidateOptions = {}): Finding[] {
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    const tooLarge = tooLargeFinding(text.length, options.maxLength);
    return options.settings?.[tooLarge.code] === 'off' ? [] : [tooLarge];
  }
  const out: Finding[] = [];
  let documentBase = 0;
  for (const chunk of splitDocuments(text)) {
    const parsed = parseFile(chunk.text);
    for (const f of validateParsed(atLine(parsed, chunk.line), registry, options)) out.push(documentBase ? { ...f, document: f.document + documentBase } : f);
    documentBase += documentCount(parsed);
  }
  return out;
}

/** Documents a parsed chunk counts for the indexes of the documents after it (a refused one counts once). */
export function documentCount(file: ParsedFile): number {
  return file.refused ? 1 : file.documents.length;
}

export function validateParsed(file: ParsedFile, registry: RuleRegistry, options: ValidateOptions = {}): Finding[] {
  const settings = options.settings ?? {};
  const findings: Finding[] = [];
  if (file.refused) {
    // Reported whatever the text holds: without a parse there is no telling whether it is a manifest.
    const { offset, message } = file.refused;
    pushWithSetting(findings, { code: 'yaml-syntax', severity: 'error', path: '', document: 0, message, range: rangeAt(file.lineCounter, offset, offset + 1) }, settings);
    return findings;
  }
  const rules = registry.all().filter((r) => settings[r.code] !== 'off');
  const schema = schemaOf(options.kubernetesVersion);
  for (const d of file.documents) validateDocument(file, d, rules, settings, schema, findings);
  return findings;
}

/** The shells name only bundled versions; anything else is a caller's bug, not a user's mistake. */
function schemaOf(version: string | undefined): Schema {
  const schema = schemaFor(version);
  if (!schema) throw new Error(`no schema for Kubernetes ${version}; bundled: ${SCHEMA_VERSIONS.join(', ')}`);
  return schema;
}

function validateDocument(file: ParsedFile, d: ParsedDocument, rules: Rule[], settings: RuleSettings, schema: Schema, out: Finding[]): void {
  const source = file.text.slice(d.start, d.end);
  if (looksTemplated(source)) return;
  const obj = k8sObjectOf(d);
  if (!obj && !looksLikeKubernetes(source)) return;

  const syntax = syntaxFindings(file, d);
  for (const f of syntax) pushWithSetting(out, f, settings);
  if (!obj) return;
  if (!obj.checked) {
    runRules(file, d, rules.filter((r) => r.scope === 'object' && r.anyKind), settings, out, baseContext(file, d, obj, schema), undefined, []);
    return;
  }

  const bomb = d.aliasBomb;
  if (bomb) {
    const span = nodeSpan(bomb) ?? [d.start, d.start + 1];
    pushWithSetting(out, {
      code: 'yaml-alias-bomb', severity: 'error', path: '', document: d.index,
      message: 'Refusing to check this document: its aliases expand to more than 100000 nodes (a "billion laughs" document)',
      range: rangeAt(file.lineCounter, span[0], span[1]),
    }, settings);
    return;
  }
  // A document that does not parse cleanly is still checked: the yaml package recovers, and the
  // user wants schema errors in the parts that are fine.
  const base = baseContext(file, d, obj, schema);
  const pod = podLocation(obj, d);
  const containers = pod ? containersOf(pod.spec, pod.specPath, d.doc) : [];
  runRules(file, d, rules, settings, out, base, pod, containers);
}

function runRules(
  file: ParsedFile, d: ParsedDocument, rules: Rule[], settings: RuleSettings, out: Finding[],
  base: Omit<ObjectContext, 'report'>, pod: ReturnType<typeof podLocation>, containers: ReturnType<typeof containersOf>,
): void {
  // One context per document, shared by all rules: a fresh object per rule cost more than most rules.
  let rule: Rule | undefined;
  const report = (r: Report) => pushWithSetting(out, toFinding(file, d, rule!, r), settings);
  const objectContext: ObjectContext = { ...base, report };
  const podContext: PodContext | undefined = pod ? { ...objectContext, pod, spec: pod.spec, containers } : undefined;
  for (rule of rules) {
    try {
      if (rule.scope === 'object') rule.check(objectContext);
      else if (podContext) rule.check(podContext);
    } catch (err) {
      // A rule bug must never take down the whole check of a document.
      out.push({
        code: 'internal-error', severity: 'error', path: '', document: d.index,
        message: `Podscope rule ${rule.code} failed: ${err instanceof Error ? err.message : String(err)}`,
        range: rangeAt(file.lineCounter, d.start, d.start),
      });
    }
  }
}

function baseContext(file: ParsedFile, d: ParsedDocument, object: ObjectContext['object'], schema: Schema): Omit<ObjectContext, 'report'> {
  const replaceFix = (title: string, node: Node | null | undefined, newText: string): Fix | undefined => {
    const span = nodeSpan(node);
    if (!span) return undefined;
    return { title, edits: [{ range: rangeAt(file.lineCounter, span[0], span[1]), newText }] };
  };
  return { file, document: d, doc: d.doc, object, schema, replaceFix };
}

function toFinding(file: ParsedFile, d: ParsedDocument, rule: Rule, r: Report): Finding {
  return {
    code: rule.code,
    severity: r.severity ?? rule.severity,
    message: r.message,
    path: formatPath(r.path),
    document: d.index,
    range: reportRange(file, d, r),
    ...(r.fixes && r.fixes.length ? { fixes: r.fixes } : {}),
  };
}

function reportRange(file: ParsedFile, d: ParsedDocument, r: Report): Range {
  let target: unknown = r.node;
  if (isPair(target)) {
    const pair = target as Pair;
    target = r.on === 'key' ? pair.key : (pair.value ?? pair.key);
  }
  const span = nodeSpan(target) ?? [d.start, d.start];
  return rangeAt(file.lineCounter, span[0], firstLineEnd(file.text, span[0], span[1]));
}

function pushWithSetting(out: Finding[], f: Finding, settings: RuleSettings): void {
  const s = settings[f.code];
  if (s === 'off') return;
  out.push(s ? { ...f, severity: s } : f);
}
