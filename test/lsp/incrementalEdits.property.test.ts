// One answer for one text, as a property: random edit sequences on real manifests (../shared/corpus),
// including bare CR, CRLF, U+2028/2029, quotes and `---` inside strings, documents appearing and
// disappearing. After every edit the language server's incremental result must equal a fresh check
// of the same text — which is what `podscope lint` prints for it — and every position must be one
// the editor's TextDocument maps back to itself. PODSCOPE_PROPERTY_STEPS scales the run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultRegistry, validateText, type Finding } from '../../server/src/engine';
import { sortFindings } from '../../server/src/cli/lint';
import { Analyzer } from '../../server/src/lsp/analysis';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { corpusFiles, corpusSkipReason, readCorpusFile } from '../corpus';
import { prng, randomEdit } from '../support/mutations';
import { LspHarness } from './lspHarness';

const STEPS = Number(process.env.PODSCOPE_PROPERTY_STEPS ?? 1000);
const MAX_TEXT = 2000;
const skip = corpusSkipReason();
const registry = defaultRegistry();

function donors(): string[] {
  return corpusFiles().map((f) => readCorpusFile(f.file)).filter((t) => t.length < 1200);
}

/** Findings as comparable lines, in the CLI's order. */
function canonical(findings: readonly Finding[]): string[] {
  return sortFindings([...findings]).map((f) => JSON.stringify([f.range, f.code, f.severity, f.document, f.path, f.message, f.fixes ?? []]));
}

function assertEditorPositions(doc: TextDocument, findings: readonly Finding[], context: string): void {
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${context}: ${f.code} position ${JSON.stringify(p)} is not in the editor's text`);
    }
  }
}

describe('incremental edits give the answer of a fresh check', { skip }, () => {
  it(`the analyzer after each of ${STEPS} random edits equals validateText (the CLI) on the same text`, () => {
    const pool = donors();
    const rnd = prng(20261206);
    const analyzer = new Analyzer(registry);
    const uri = 'file:///property.yaml';
    let version = 1;
    let doc = TextDocument.create(uri, 'yaml', version, pool[0]!);
    for (let step = 0; step < STEPS; step++) {
      const before = doc.getText();
      if (before.length > MAX_TEXT || step % 400 === 0) {
        doc = TextDocument.create(uri, 'yaml', ++version, pool[Math.floor(rnd() * pool.length)]!);
      } else {
        const edit = randomEdit(before, rnd, pool);
        TextDocument.update(doc, [{ range: { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) }, text: edit.text }], ++version);
      }
      const text = doc.getText();
      const incremental = analyzer.findings(analyzer.analyze(uri, version, text), {}, 'default');
      const fresh = validateText(text, registry);
      const context = `step ${step} (seed 20261206), text ${JSON.stringify(text.slice(0, 300))}`;
      assert.deepEqual(canonical(incremental), canonical(fresh), context);
      assertEditorPositions(doc, fresh, context);
    }
  });
});

describe('the language server publishes what the CLI prints, edit after edit', { skip }, () => {
  let h: LspHarness;
  before(async () => { h = await LspHarness.start(); });
  after(async () => { await h.stop(); });

  it('100 incremental didChange notifications, each answered with the CLI\'s findings for the new text', async () => {
    const pool = donors();
    const rnd = prng(7);
    const uri = 'file:///served.yaml';
    let version = 1;
    const doc = TextDocument.create(uri, 'yaml', version, pool[1]!);
    await h.open(uri, doc.getText(), version);
    const docs = new Map<string, string>();
    for (let step = 0; step < 100; step++) {
      const edit = randomEdit(doc.getText().length > MAX_TEXT ? doc.getText().slice(0, 2000) : doc.getText(), rnd, pool);
      const range = { start: doc.positionAt(edit.start), end: doc.positionAt(edit.end) };
      TextDocument.update(doc, [{ range, text: edit.text }], ++version);
      const published = h.nextDiagnostics(uri, (p) => p.version === version);
      await h.change(uri, version, [{ range, text: edit.text }]);
      const expected = sortFindings(validateText(doc.getText(), registry)).map((f) => toDiagnostic(f, docs as never));
      const got = (await published).diagnostics;
      const key = (d: { range: unknown; code?: unknown; message: unknown }) => JSON.stringify([d.range, d.code, d.message]);
      assert.deepEqual(got.map(key).sort(), expected.map(key).sort(), `step ${step}: ${JSON.stringify(doc.getText().slice(0, 300))}`);
    }
  });
});
