// The API server's verdict on one YAML document, as findings at source ranges of that document.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Finding, ParsedDocument, ParsedFile } from '../engine';
import { firstLineEnd, rangeAt } from '../engine';
import { jsonScalar } from '../engine/rules/schema/kubectlScalar';
import { asMap, asScalar, asSeq, getPair, resolve, scalarText } from '../engine/yamlNodes';
import { formatApiPath } from './apiPathFormat';
import { parseApiPath, resolveUnindexed, spanOfApiPath, topSpan, type ApiSegment } from '../engine/fieldPathRange';
import type { ApiVerdict } from './result';

export function verdictFindings(file: ParsedFile, d: ParsedDocument, verdict: ApiVerdict): Finding[] {
  const out: Finding[] = [];
  const at = (code: string, severity: Finding['severity'], path: string | ApiSegment[], message: string, prefer: 'auto' | 'key' = 'auto', marked?: ApiSegment[]) => {
    const segments = marked ?? (typeof path === 'string' ? parseApiPath(path) : path);
    const span = segments.length ? spanOfApiPath(d.doc, segments, prefer) : spanOf(topSpan(d.doc));
    out.push({
      code, severity, message, path: typeof path === 'string' ? path : formatApiPath(path, (i) => i > 0 && MAP_KEYED.has(String(path[i - 1]))), document: d.index,
      range: rangeAt(file.lineCounter, span.start, firstLineEnd(file.text, span.start, span.end)),
    });
  };
  if (verdict.stage === 'decode' && verdict.message) {
    const where = decodeErrorPath(d, verdict.message);
    at('api-decode', 'error', where ?? [], verdict.message);
  }
  for (const s of verdict.strict ?? []) {
    // The engine always reports duplicate keys (yaml-duplicate-key), with the line of the lost value.
    if (s.startsWith('duplicate field')) continue;
    const m = /^(unknown|duplicate) field "(.*)"$/.exec(s);
    at('api-unknown-field', 'error', m ? m[2]! : '', m ? `${m[1] === 'unknown' ? 'Unknown' : 'Duplicate'} field (strict decoding error: ${s})` : s, 'key');
  }
  for (const e of verdict.errors ?? []) {
    const prefix = `${e.field}: `;
    const message = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    at('api-invalid', 'error', e.field, message, 'auto', quotedValueHolder(d.doc, parseApiPath(e.field), message));
  }
  for (const w of verdict.warnings ?? []) {
    const m = /^([A-Za-z][\w.[\]/-]*(?:\[[^\]]*\])*): (.*)$/s.exec(w);
    if (m) at('api-warning', 'warning', m[1]!, m[2]!);
    else at('api-warning', 'warning', [], w);
  }
  return out;
}

function spanOf([start, end]: [number, number]) {
  return { start, end, exact: false };
}

/**
 * Some errors name one field and are about a sibling: `tolerations[0].operator: Invalid value: "v": value must be
 * empty when operator is 'Exists'` quotes the toleration's `value` and makes it the sentence's subject. When the
 * scalar at the path does not hold the quoted string and the detail's first word names a sibling that does, the
 * range marks that sibling (the path stays the API server's): the squiggle sits on the text to change. A quote of a
 * sibling that is not the subject (`divisor: Invalid value: "limits.cpu": only divisor's values ...`) stays put.
 */
function quotedValueHolder(doc: Document, segments: ApiSegment[], message: string): ApiSegment[] | undefined {
  const m = /^Invalid value: ("(?:[^"\\]|\\.)*"): (\w+) /.exec(message);
  const name = segments.at(-1);
  if (!m || typeof name !== 'string') return undefined;
  const subject = m[2]!;
  let text: string;
  try {
    text = JSON.parse(m[1]!) as string;
  } catch {
    return undefined;
  }
  const parent = asMap(walk(doc, segments.slice(0, -1)), doc);
  const own = asScalar(getPair(parent, name)?.value, doc);
  if (!parent || !own || scalarText(own) === text) return undefined;
  const holder = asScalar(getPair(parent, subject)?.value, doc);
  return holder && holder !== own && scalarText(holder) === text ? [...segments.slice(0, -1), subject] : undefined;
}

function walk(doc: Document, segments: ApiSegment[]): Node | undefined {
  let node: Node | undefined = doc.contents ?? undefined;
  for (const seg of segments) {
    node = typeof seg === 'number' ? resolve(asSeq(node, doc)?.items[seg], doc) : resolve(getPair(asMap(node, doc), seg)?.value, doc);
    if (!node) return undefined;
  }
  return node;
}

/** Go's JSON type names → does this node hold one, as kubectl would send it (YAML 1.1 scalars)? */
const JSON_TYPE: Record<string, (n: Node | undefined) => boolean> = {
  string: (n) => isScalar(n) && jsonScalar(n).kind === 'string',
  number: (n) => isScalar(n) && jsonScalar(n).kind === 'number',
  bool: (n) => isScalar(n) && jsonScalar(n).kind === 'bool',
  array: (n) => isSeq(n),
  object: (n) => isMap(n),
};

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/**
 * Decode errors carry no usable path: Go's JSON errors name the field without list indexes, and a
 * malformed quantity names nothing. Both are found in the source instead.
 */
function decodeErrorPath(d: ParsedDocument, message: string): ApiSegment[] | undefined {
  const typeError = /cannot unmarshal (\w+) into Go struct field [\w.]*?\.((?:[a-z]\w*\.)*[a-z]\w*) of type/.exec(message);
  if (typeError) {
    const matches = JSON_TYPE[typeError[1]!] ?? (() => true);
    return resolveUnindexed(d.doc, typeError[2]!.split('.'), matches) ?? resolveUnindexed(d.doc, typeError[2]!.split('.'), () => true);
  }
  if (message.includes('quantities must match')) return badQuantity(d.doc.contents ?? undefined, []);
  return undefined;
}

/** The first value under a quantity-holding key (`limits`, `requests`, `sizeLimit`, ...) that is not a quantity. */
function badQuantity(node: Node | undefined, path: ApiSegment[], inQuantities = false): ApiSegment[] | undefined {
  if (isScalar(node)) {
    if (!inQuantities) return undefined;
    const v = node.value;
    return typeof v === 'string' && !QUANTITY.test(v.trim()) ? path : undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const hit = badQuantity(node.items[i] as Node, [...path, i]);
      if (hit) return hit;
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const hit = badQuantity((pair.value as Node | null) ?? undefined, [...path, key], inQuantities || QUANTITY_KEYS.has(key));
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Maps whose keys the API server prints in brackets: `limits[memory]`, `labels[app]`. */
const MAP_KEYED = new Set(['limits', 'requests', 'overhead', 'capacity', 'labels', 'annotations', 'nodeSelector']);

const QUANTITY_KEYS = new Set(['limits', 'requests', 'overhead', 'sizeLimit', 'capacity', 'storage']);

