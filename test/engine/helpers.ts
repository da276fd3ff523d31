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

/** Dedent a template literal so fixtures read naturally in tests. */
export function y(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function assertFinding(f: Finding | undefined, expected: Partial<Finding> & { at?: [number, number, number, number] }): void {
  assert.ok(f, `expected a finding like ${JSON.stringify(expected)}`);
  const { at, ...rest } = expected;
  for (const [k, v] of Object.entries(rest)) assert.deepEqual((f as unknown as Record<string, unknown>)[k], v, `finding.${k}`);
  if (at) assert.deepEqual([f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], at, 'range');
}
