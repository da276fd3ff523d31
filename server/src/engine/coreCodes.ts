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

/**
 * Emitted by the exact layer (server/src/exact): kube-apiserver's own decoding, validation and
 * warnings, run from a WebAssembly module. Listed here so settings, config files, SARIF and the
 * docs know them like every other code.
 */
export const EXACT_CODES: readonly CodeInfo[] = [
  {
    code: 'api-invalid', severity: 'error', category: 'api',
    description: 'The API server rejects the object (422 Invalid): its own validation, run offline for the chosen Kubernetes version.',
    docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  },
  {
    code: 'api-unknown-field', severity: 'error', category: 'schema',
    description: 'The API server rejects unknown or duplicate fields under strict field validation (kubectl\'s default).',
    docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  },
  {
    code: 'api-decode', severity: 'error', category: 'schema',
    description: 'The API server cannot decode the object (400 BadRequest): a value of the wrong type or a malformed quantity.',
    docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  },
  {
    code: 'api-warning', severity: 'warning', category: 'api',
    description: 'The API server accepts the object but answers with a warning (deprecated or surprising values).',
    docUrl: 'https://kubernetes.io/blog/2020/09/03/warnings/',
  },
];

/** A rule that threw; reported so a bug never hides findings silently. Not configurable. */
export const INTERNAL_ERROR: CodeInfo = {
  code: 'internal-error', severity: 'error', category: 'internal',
  description: 'A Podscope rule failed on this document; please report it.',
  docUrl: 'https://github.com/podscope/podscope/issues',
};

