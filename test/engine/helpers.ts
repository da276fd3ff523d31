// Test helpers: lint a YAML string and pick findings by code; pin ranges by 0-based line/character.
import assert from 'node:assert/strict';
import { defaultRegistry, validateText, type Finding, type RuleSettings } from '../../server/src/engine';

const registry = defaultRegistry();

export function lint(text: string, settings?: RuleSettings): Finding[] {
  return validateText(text, registry, { settings });
}

export function byCode(text: string, code: string): Finding[] {
  return lint(text).filter((f) => f.code === code);
}

export { y } from '../support/manifests';

type ExpectedFinding = Partial<Finding> & { at?: [number, number, number, number] };

export function assertFinding(f: Finding | undefined, expected: ExpectedFinding): void {
  assert.ok(f, `expected a finding like ${JSON.stringify(expected)}`);
  const { at, ...rest } = expected;
  for (const [k, v] of Object.entries(rest)) assert.deepEqual((f as unknown as Record<string, unknown>)[k], v, `finding.${k}`);
  if (at) assert.deepEqual([f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], at, 'range');
}

/** `code` reports exactly as many findings on `text` as `expected` lists, each like its entry; returned for further checks. */
export function assertFindings(text: string, code: string, expected: ExpectedFinding[]): Finding[] {
  const fs = byCode(text, code);
  assert.equal(fs.length, expected.length, `${expected.length} ${code} finding(s), got ${JSON.stringify(fs.map((f) => f.path))}`);
  expected.forEach((e, i) => assertFinding(fs[i], e));
  return fs;
}

/** `code` reports exactly one finding on `text`, and it is like `expected`; returned for further checks. */
export function assertOnlyFinding(text: string, code: string, expected: ExpectedFinding): Finding {
  return assertFindings(text, code, [expected])[0]!;
}

/** [document, path] of each `code` finding on a multi-document `text`. */
export function perDocument(text: string, code: string): [number, string][] {
  return byCode(text, code).map((f) => [f.document, f.path]);
}

/** `f` has exactly one fix, titled `title`, whose one edit replaces the range `at` with `newText`. */
export function assertOneFix(f: Finding, title: string, at: [number, number, number, number], newText: string): void {
  const range = { start: { line: at[0], character: at[1] }, end: { line: at[2], character: at[3] } };
  assert.deepEqual(f.fixes, [{ title, edits: [{ range, newText }] }]);
}
