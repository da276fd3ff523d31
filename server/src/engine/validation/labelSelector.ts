// metav1.LabelSelector as labels.Selector (LabelSelectorAsSelector, apimachinery 1.36): the
// requirements it parses to, and whether a label set matches them.
import { isLabelValue, isQualifiedName } from './names';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface LabelSelectorInput {
  matchLabels?: unknown;
  matchExpressions?: unknown;
}

export type SelectorParse = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

const OPERATORS: readonly Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function parseLabelSelector(selector: LabelSelectorInput): SelectorParse {
  const requirements: Requirement[] = [];
  if (selector.matchLabels != null && !isRecord(selector.matchLabels)) return { ok: false, error: 'matchLabels is not a map' };
  if (selector.matchExpressions != null && !Array.isArray(selector.matchExpressions)) return { ok: false, error: 'matchExpressions is not a list' };
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, raw] of Object.entries(matchLabels)) {
    const value = raw === null || raw === undefined ? '' : raw;
    if (typeof value !== 'string') return { ok: false, error: `matchLabels[${key}] is not a string` };
    const err = checkRequirement(key, 'In', [value]);
    if (err) return { ok: false, error: err };
    requirements.push({ key, operator: 'In', values: [value] });
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const expr of expressions) {
    if (!isRecord(expr)) return { ok: false, error: 'matchExpressions entry is not an object' };
    const key = typeof expr.key === 'string' ? expr.key : '';
    const operator = expr.operator;
    if (typeof operator !== 'string' || !OPERATORS.includes(operator as Operator)) return { ok: false, error: `${JSON.stringify(operator)} is not a valid label selector operator` };
    const values = Array.isArray(expr.values) ? expr.values.map((v) => (typeof v === 'string' ? v : String(v))) : [];
    const err = checkRequirement(key, operator as Operator, values);
    if (err) return { ok: false, error: err };
    requirements.push({ key, operator: operator as Operator, values });
  }
  return { ok: true, requirements };
}

/** labels.NewRequirement's checks. */
function checkRequirement(key: string, operator: Operator, values: string[]): string | undefined {
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) return keyErrs[0];
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) return 'for \'in\', \'notin\' operators, values set can\'t be empty';
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length !== 0) return 'values set must be empty for exists and does not exist';
  for (const v of values) {
    const errs = isLabelValue(v);
    if (errs.length) return errs[0];
  }
  return undefined;
}

export function selectorMatches(requirements: readonly Requirement[], labels: Readonly<Record<string, string>>): boolean {
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In': return has && r.values.includes(labels[r.key]!);
      case 'NotIn': return !has || !r.values.includes(labels[r.key]!);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
    }
    return false;
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
