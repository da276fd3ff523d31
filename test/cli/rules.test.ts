import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { ruleCatalog, type RuleInfo } from '../../server/src/engine';
import { generated } from '../../scripts/gen-rules';
import { runCli } from './cliHarness';

const catalog = ruleCatalog(defaultRegistry());

describe('podscope rules', () => {
  it('lists every registered rule and the engine\'s own codes, once each', () => {
    const out = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as RuleInfo[];
    assert.deepEqual(out, catalog);
    const codes = out.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const r of defaultRegistry().all()) assert.ok(codes.includes(r.code), r.code);
    assert.ok(codes.includes('yaml-syntax') && codes.includes('yaml-duplicate-key'));
  });

  it('knows every code the engine emits by itself (syntax, duplicate keys, escapes, alias bombs)', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: a}]\n';
    const bomb = `${pod}  x: &a [1,1,1,1,1,1,1,1,1,1]\n${Array.from({ length: 6 }, (_, i) => `  y${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(',')}]`).join('\n')}\n`;
    const texts = [
      `${pod}  dns: "a\\'b"\n`,
      `${pod}metadata: {name: b}\n`,
      `${pod}  bad: [unclosed\n`,
      bomb,
    ];
    const emitted = new Set(texts.flatMap((t) => validateText(t, defaultRegistry()).map((f) => f.code)));
    for (const code of ['yaml-escape', 'yaml-duplicate-key', 'yaml-syntax', 'yaml-alias-bomb']) assert.ok(emitted.has(code), `${code} in ${[...emitted].join(', ')}`);
    const known = new Set(catalog.map((r) => r.code));
    for (const code of emitted) assert.ok(known.has(code), `${code} is missing from the rule catalog`);
  });

  it('prints a table with one line per code', () => {
    const r = runCli(['rules']);
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, catalog.length);
    assert.match(lines[0]!, /^yaml-syntax\s+error\s+syntax\s+The file must be well-formed YAML\.$/);
  });

  it('gives every rule a one-line description (and why) ending with a period and an https doc URL', () => {
    for (const r of catalog) {
      assert.match(r.description, /^[^\n]+\.$/, r.code);
      assert.match(r.docUrl, /^https:\/\//, r.code);
      if (r.why !== undefined) assert.match(r.why, /^[^\n]+\.$/, `${r.code}: why`);
    }
  });
});

describe('generated from the registry', () => {
  // Fails when a rule is added or changed without `npm run gen:rules`.
  for (const f of generated()) {
    it(`${f.path.replace(/.*\/(docs|package)/, '$1')} is up to date`, () => {
      assert.equal(f.actual, f.expected, `${f.path} is out of date: run npm run gen:rules`);
    });
  }

  it('has a section for every code in docs/generated/rules.md, with its fix and examples', () => {
    const doc = generated()[0]!.expected;
    for (const r of catalog) {
      const section = doc.slice(doc.indexOf(`\n### ${r.code}\n`)).split(/\n### /)[1]!;
      assert.ok(section.startsWith(`${r.code}\n`), r.code);
      assert.ok(section.includes(`**Fix:** ${r.remediation}`), `${r.code}: remediation`);
      if (r.why) assert.ok(section.includes(`\n${r.why}\n`), `${r.code}: why`);
      if (r.examples) assert.ok(section.includes(r.examples.bad) && section.includes(r.examples.good), `${r.code}: examples`);
    }
  });
});
