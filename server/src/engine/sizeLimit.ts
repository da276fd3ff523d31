// A file past the size limit gets one clear finding instead of minutes and gigabytes. The limit is
// the caller's: a few MB in the editor (checked on every keystroke), more in the CLI.
import { rangeAt } from './parse';
import { lineCounterOf } from './lines';
import type { Finding } from './types';

export const FILE_TOO_LARGE = 'file-too-large';

export function tooLargeFinding(length: number, maxLength: number): Finding {
  return {
    code: FILE_TOO_LARGE, severity: 'error', path: '', document: 0,
    message: `File too large to check: ${formatSize(length)} is over the limit of ${formatSize(maxLength)} (raise it with --max-file-size in the CLI, podscope.validate.maxFileSizeKB in the editor)`,
    range: rangeAt(lineCounterOf(''), 0, 0),
  };
}

function formatSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.ceil(chars / 1024)} KB`;
}
