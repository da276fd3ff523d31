// Human output: `file:line:col: severity code path: message`, 1-based like compilers print, then a summary.
import type { FileResult } from '../lint';
import { countBySeverity } from '../lint';
import { SEVERITIES } from '../../shared/severity';

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}: ${f.severity} ${f.code} ${f.path ? `${f.path}: ` : ''}${f.message}`);
    }
  }
  lines.push(summary(results));
  return `${lines.join('\n')}\n`;
}

function summary(results: readonly FileResult[]): string {
  const counts = countBySeverity(results);
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return `No problems in ${files}.`;
  const parts = SEVERITIES
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'info' || s === 'hint' ? s : `${s}${counts[s] === 1 ? '' : 's'}`}`);
  return `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files}.`;
}
