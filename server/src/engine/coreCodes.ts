// Codes the engine emits itself, for YAML it cannot check, beside the registry's rules.
// Kept here so the engine owns its own vocabulary; the CLI, settings and docs list them from here.
import type { RuleCategory, Severity } from './types';

export interface CodeInfo {
  code: string;
  severity: Severity;
  category: RuleCategory | 'internal';
  description: string;
  docUrl: string;
}

/** Emitted by the engine's parser and guards (parse.ts, validate.ts), not by rules. */
export const ENGINE_CODES: readonly CodeInfo[] = [
  {
    code: 'yaml-syntax', severity: 'error', category: 'syntax',
    description: 'The file must be well-formed YAML.',
    docUrl: 'https://yaml.org/spec/1.2.2/',
  },
  {
    code: 'yaml-duplicate-key', severity: 'error', category: 'syntax',
    description: 'A mapping must not repeat a key; the API server would keep only one of the values.',
    docUrl: 'https://yaml.org/spec/1.2.2/#mapping',
  },
  {
    code: 'yaml-escape', severity: 'warning', category: 'syntax',
    description: 'A double-quoted string uses the escape \\\' that kubectl accepts but YAML forbids.',
    docUrl: 'https://yaml.org/spec/1.2.2/#57-escaped-characters',
  },
  {
    code: 'yaml-alias-bomb', severity: 'error', category: 'syntax',
    description: 'A document whose aliases expand to more than 100000 nodes is refused, not checked.',
    docUrl: 'https://en.wikipedia.org/wiki/Billion_laughs_attack',
  },
  {
    code: 'file-too-large', severity: 'error', category: 'syntax',
    description: 'A file over the size limit (podscope.validate.maxFileSizeKB in the editor, --max-file-size in the CLI) is not checked.',
    docUrl: 'https://github.com/podscope/podscope#settings',
  },
];

/** A rule that threw; reported so a bug never hides findings silently. Not configurable. */
export const INTERNAL_ERROR: CodeInfo = {
  code: 'internal-error', severity: 'error', category: 'internal',
  description: 'A Podscope rule failed on this document; please report it.',
  docUrl: 'https://github.com/podscope/podscope/issues',
};

