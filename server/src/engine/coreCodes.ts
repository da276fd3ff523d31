// Codes the engine emits itself, for YAML it cannot check, beside the registry's rules.
// Kept here so the engine owns its own vocabulary; the CLI, settings and docs list them from here.
import { indent, pod, podExamples } from './exampleManifests';
import type { RuleCategory, RuleExamples, Severity } from './types';

export interface CodeInfo {
  code: string;
  severity: Severity;
  category: RuleCategory | 'internal';
  description: string;
  why?: string;
  /** One sentence, ending with a period: what the user should change. */
  remediation: string;
  /**
   * As a rule's (rule.ts). Left out where no small manifest raises the code through the engine alone:
   * file-too-large needs a file over the limit, and the api-* codes come from the exact layer's module.
   */
  examples?: RuleExamples;
  docUrl: string;
}

/** Six levels of ten aliases each: a million nodes from seven lines (the "billion laughs" shape). */
function aliasBomb(): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f'].map((name, i, all) =>
    `${name}: &${name} [${Array(10).fill(i === 0 ? 'lol' : `*${all[i - 1]}`).join(', ')}]`);
  return pod({ metadata: `annotations:\n${indent(levels.join('\n'), 2)}` });
}

/** Emitted by the engine's parser and guards (parse.ts, validate.ts), not by rules. */
export const ENGINE_CODES: readonly CodeInfo[] = [
  {
    code: 'yaml-syntax', severity: 'error', category: 'syntax',
    description: 'The file must be well-formed YAML.',
    remediation: 'Fix the YAML at the reported position: close the quote, bracket or brace, or align the indentation.',
    examples: {
      bad: pod({ resources: 'limits: {cpu: 500m, memory: 128Mi' }),
      good: pod(),
    },
    docUrl: 'https://yaml.org/spec/1.2.2/',
  },
  {
    code: 'yaml-duplicate-key', severity: 'error', category: 'syntax',
    description: 'A mapping must not repeat a key; the API server would keep only one of the values.',
    remediation: 'Keep one of the two keys and delete the other.',
    examples: podExamples({ container: 'image: nginx:1.26' }),
    docUrl: 'https://yaml.org/spec/1.2.2/#mapping',
  },
  {
    code: 'yaml-escape', severity: 'warning', category: 'syntax',
    description: 'A double-quoted string uses the escape \\\' that kubectl accepts but YAML forbids.',
    remediation: 'Write the apostrophe unescaped (`"it\'s"`), or use a single-quoted string and double it (`\'it\'\'s\'`).',
    examples: podExamples({ container: `
      env:
      - name: GREETING
        value: "it\\'s up"` }, { container: `
      env:
      - name: GREETING
        value: "it's up"` }),
    docUrl: 'https://yaml.org/spec/1.2.2/#57-escaped-characters',
  },
  {
    code: 'yaml-alias-bomb', severity: 'error', category: 'syntax',
    description: 'A document whose aliases expand to more than 100000 nodes is refused, not checked.',
    remediation: 'Write the repeated values out, or alias a node once instead of aliasing lists of aliases.',
    examples: { bad: aliasBomb(), good: pod({ metadata: 'labels: &labels {app: web}\nannotations: *labels' }) },
    docUrl: 'https://en.wikipedia.org/wiki/Billion_laughs_attack',
  },
  {
    code: 'file-too-large', severity: 'error', category: 'syntax',
    description: 'A file over the size limit (podscope.validate.maxFileSizeKB in the editor, --max-file-size in the CLI) is not checked.',
    remediation: 'Split the file into smaller ones, or raise the limit if the file is meant to be checked.',
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
    remediation: 'Change the field the message names to a value the API server accepts, as its message says.',
    docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  },
  {
    code: 'api-unknown-field', severity: 'error', category: 'schema',
    description: 'The API server rejects unknown or duplicate fields under strict field validation (kubectl\'s default).',
    remediation: 'Correct the misspelt or misplaced field, or delete it; keep one of two repeated fields.',
    docUrl: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
  },
  {
    code: 'api-decode', severity: 'error', category: 'schema',
    description: 'The API server cannot decode the object (400 BadRequest): a value of the wrong type or a malformed quantity.',
    remediation: 'Give the value the type its field has (quote a number meant as a string), or write the quantity as Kubernetes does (`500m`, `128Mi`).',
    docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
  },
  {
    code: 'api-warning', severity: 'warning', category: 'api',
    description: 'The API server accepts the object but answers with a warning (deprecated or surprising values).',
    remediation: 'Do what the warning suggests (usually: use the newer field or value it names).',
    docUrl: 'https://kubernetes.io/blog/2020/09/03/warnings/',
  },
];

/** A rule that threw; reported so a bug never hides findings silently. Not configurable. */
export const INTERNAL_ERROR: CodeInfo = {
  code: 'internal-error', severity: 'error', category: 'internal',
  description: 'A Podscope rule failed on this document; please report it.',
  remediation: 'Report the message and the manifest at the issue tracker; turning the failing rule off lets the others run.',
  docUrl: 'https://github.com/podscope/podscope/issues',
};

