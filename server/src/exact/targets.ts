// Which documents of a file the exact validator sees, and its verdicts back as findings.
import type { Finding, ParsedDocument, ParsedFile } from '../engine';
import { k8sObjectOf } from '../engine';
import { looksTemplated } from '../engine/k8sObject';
import { verdictFindings } from './findings';
import { kubectlJson } from './kubectlJson';
import type { ApiVerdict } from './result';

export interface ExactTarget {
  document: ParsedDocument;
  /** The object as kubectl would send it. */
  object: unknown;
}

/**
 * Documents the API server's create path would judge: a Pod or workload (the kinds the engine
 * checks), parsed without YAML errors (a recovered parse is not what kubectl would send), not a
 * template (`{{ }}` is filled in later).
 */
export function exactTargets(file: ParsedFile): ExactTarget[] {
  const out: ExactTarget[] = [];
  for (const d of file.documents) {
    if (d.doc.errors.length) continue;
    if (looksTemplated(file.text.slice(d.start, d.end))) continue;
    if (!k8sObjectOf(d)?.checked) continue;
    try {
      out.push({ document: d, object: kubectlJson(d.doc) });
    } catch {
      // An alias bomb: the engine reports it; there is nothing to send.
    }
  }
  return out;
}

export function targetFindings(file: ParsedFile, targets: readonly ExactTarget[], verdicts: readonly ApiVerdict[]): Finding[] {
  return targets.flatMap((t, i) => (verdicts[i] ? verdictFindings(file, t.document, verdicts[i]!) : []));
}

/**
 * Documents whose verdict covers validation (it got past decoding): there the module is the
 * authority, and an engine API error it does not confirm is not one the API server would give.
 */
export function validatedDocuments(targets: readonly ExactTarget[], verdicts: readonly ApiVerdict[]): number[] {
  return targets.flatMap((t, i) => {
    const v = verdicts[i];
    return v && !v.unsupported && v.stage !== 'decode' && v.stage !== 'internal' ? [t.document.index] : [];
  });
}
