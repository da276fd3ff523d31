// SARIF 2.1.0 for GitHub code scanning: one run, rule metadata from the catalog, one result per finding.
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../engine';
import type { FileResult } from '../lint';
import type { RuleInfo } from '../../engine';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifTool { name: string; version: string; informationUri: string }

export function formatSarif(results: readonly FileResult[], catalog: readonly RuleInfo[], tool: SarifTool): string {
  const rules = catalog.map((r) => ({
    id: r.code,
    shortDescription: { text: r.description },
    ...(r.why ? { fullDescription: { text: `${r.description} ${r.why}` } } : {}),
    helpUri: r.docUrl,
    help: { text: `${r.remediation} See ${r.docUrl}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: [r.category] },
  }));
  const index = new Map(catalog.map((r, i) => [r.code, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { ...tool, rules } },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap(({ file, findings }) => findings.map((f) => result(file, f, index.get(f.code)))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(file: string, f: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: f.code,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[f.severity],
    message: { text: f.path ? `${f.path}: ${f.message}` : f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(file) },
        // SARIF lines and columns are 1-based; LSP's are 0-based. Columns count UTF-16 units in both.
        region: {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        },
      },
    }],
    // Line-independent, so a finding keeps its identity when lines above it move.
    partialFingerprints: { 'podscopeFinding/v1': fingerprint(file, f) },
  };
}

/** Relative paths stay relative (GitHub resolves them against the checkout); absolute ones become file: URLs. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).filter((s) => s !== '.').map(encodeURIComponent).join('/');
}

function fingerprint(file: string, f: Finding): string {
  return createHash('sha256').update([artifactUri(file), f.document, f.code, f.path, f.message].join('\u0000')).digest('hex').slice(0, 32);
}
