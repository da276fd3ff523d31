// A rule is found by its code: a file under server/src/engine/rules that exports exactly one rule
// is named after it (`host-port-duplicate` in hostPortDuplicate.ts). Files of several rules (a small
// family) and helpers that export none are named for what they hold instead.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { test } from 'node:test';
import { defaultRegistry, type Rule } from '../../server/src/engine';

const RULES_DIR = join(__dirname, '..', '..', 'server', 'src', 'engine', 'rules');
const rules = new Set<unknown>(defaultRegistry().all());

/** `host-port-duplicate` -> `hostPortDuplicate`. */
function camelCase(code: string): string {
  return code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

test('camelCase turns a kebab-case code into a file name', () => {
  assert.equal(camelCase('host-ip-without-host-port'), 'hostIpWithoutHostPort');
  assert.equal(camelCase('api-version'), 'apiVersion');
});

test('each file that exports exactly one rule is named after its code', async () => {
  const exported = new Set<unknown>();
  const misnamed: string[] = [];
  for (const file of sourceFiles(RULES_DIR)) {
    const module = (await import(file)) as Record<string, unknown>;
    // Identity with the registry's rules, so an index re-exporting a list counts as no single rule.
    const own = Object.values(module).filter((v): v is Rule => rules.has(v));
    own.forEach((r) => exported.add(r));
    if (own.length !== 1) continue;
    const expected = `${camelCase(own[0]!.code)}.ts`;
    if (basename(file) !== expected) misnamed.push(`${relative(RULES_DIR, file)} holds ${own[0]!.code}: name it ${expected}`);
  }
  assert.deepEqual(misnamed, []);
  // Every registered rule was seen, so the walk above did look at the rule files.
  assert.equal(exported.size, rules.size);
});
