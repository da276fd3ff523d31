// One diagnostic per problem. The engine answers first and knows quick fixes and precise ranges;
// the API server's verdict is the authority on what it rejects. Where both report the same
// field of the same document, the API server's words stay, with the engine's range and fixes.
// In a document the module validated, an engine error restating an API check (schema or api
// category) that the module does not confirm is dropped: the API server accepts what it names.
import type { Finding, RuleRegistry } from '../engine';
import { EXACT_CODES, ENGINE_CODES } from '../engine';

/** Categories of engine findings that restate an API-server check (not run-time advice). */
const API_CATEGORIES = new Set(['schema', 'api']);

export function mergeFindings(engine: readonly Finding[], exact: readonly Finding[], registry: RuleRegistry, validated: ReadonlySet<number> = new Set()): Finding[] {
  const category = (code: string) => registry.get(code)?.category ?? ENGINE_CODES.find((c) => c.code === code)?.category;
  const exactBy = new Map<string, Finding[]>();
  for (const f of exact) {
    const key = `${f.document}\u0000${f.path}`;
    exactBy.set(key, [...(exactBy.get(key) ?? []), f]);
  }
  const replaced = new Map<Finding, Finding>();
  const kept: Finding[] = [];
  for (const f of engine) {
    const twins = exactBy.get(`${f.document}\u0000${f.path}`);
    const restatesApi = API_CATEGORIES.has(category(f.code) ?? '');
    // An API check restated by the engine, or an engine warning in the API server's own words.
    const twin = f.path ? twins?.find((t) => !replaced.has(t) && t.severity === f.severity && (restatesApi || t.message === f.message)) : undefined;
    if (!twin) {
      if (!(restatesApi && f.severity === 'error' && validated.has(f.document))) kept.push(f);
      continue;
    }
    // The engine's range is at least as precise (it knows which token is wrong); its fixes apply.
    replaced.set(twin, { ...twin, range: f.range, ...(f.fixes?.length ? { fixes: f.fixes } : {}) });
  }
  return [...kept, ...exact.map((f) => replaced.get(f) ?? f)];
}

export const EXACT_CODE_SET: ReadonlySet<string> = new Set(EXACT_CODES.map((c) => c.code));
