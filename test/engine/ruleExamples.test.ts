// Every code's bad and good example (docs/generated/rules.md shows them) run through validateText,
// the entry point the CLI and the language server use: the bad one raises its code, the fixed one
// raises nothing at all. A rule without examples fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRegistry, ruleCatalog, validateText } from '../../server/src/engine';

const registry = defaultRegistry();
const catalog = ruleCatalog(registry);

/** Codes that have no examples, and where they are tested instead. */
const WITHOUT_EXAMPLES: Record<string, string> = {
  'file-too-large': 'needs a file over the size limit, not a small manifest (test/cli/robustness.test.ts, test/lsp)',
  'api-invalid': 'raised by the exact layer\'s WebAssembly module, which needs a Go build (test/exact/realModule.test.ts)',
  'api-unknown-field': 'exact layer, as api-invalid',
  'api-decode': 'exact layer, as api-invalid',
  'api-warning': 'exact layer, as api-invalid',
};

/**
 * Codes a rule's examples (bad and good) may raise besides its own, and why they cannot avoid them.
 * Empty is the goal: each entry is a case no manifest can show without the other finding.
 */
const EPHEMERAL = 'no manifest may create ephemeral containers (kubectl debug adds them to a running pod), so every example with one raises this too';
const ALSO_RAISED: Record<string, Record<string, string>> = {
  'ephemeral-container-field-forbidden': { 'ephemeral-containers-not-allowed': EPHEMERAL },
  'ephemeral-target-not-found': { 'ephemeral-containers-not-allowed': EPHEMERAL },
};

function codes(text: string): string[] {
  return validateText(text, registry).map((f) => f.code);
}

describe('rule examples', () => {
  for (const r of catalog) {
    it(`${r.code}: the bad example raises it, the good one nothing`, () => {
      assert.match(r.remediation, /^[A-Z`].*\.$/, 'a remediation: one sentence, ending with a period');
      assert.doesNotMatch(r.remediation, /\n/);
      if (r.code in WITHOUT_EXAMPLES) {
        assert.equal(r.examples, undefined, `${r.code} has examples now: take it off WITHOUT_EXAMPLES`);
        return;
      }
      assert.ok(r.examples?.bad && r.examples.good, `${r.code} has no examples`);
      const bad = codes(r.examples.bad);
      assert.ok(bad.includes(r.code), `bad raises ${bad.join(', ') || 'nothing'}\n${r.examples.bad}`);
      const allowed = ALSO_RAISED[r.code] ?? {};
      assert.deepEqual(bad.filter((c) => c !== r.code && !(c in allowed)), [], `bad raises other codes too\n${r.examples.bad}`);
      const good = validateText(r.examples.good, registry).filter((f) => !(f.code in allowed));
      assert.deepEqual(good, [], `good raises findings\n${r.examples.good}`);
    });
  }

  it('lists only real codes as exceptions', () => {
    const known = new Set(catalog.map((r) => r.code));
    for (const code of [...Object.keys(WITHOUT_EXAMPLES), ...Object.keys(ALSO_RAISED), ...Object.values(ALSO_RAISED).flatMap(Object.keys)]) {
      assert.ok(known.has(code), code);
    }
  });
});
