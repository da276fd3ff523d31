// A large file just opened is checked a slice at a time: the editor gets the diagnostics of its
// first documents at once, then the whole file's, and both are what the CLI finds there.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { generatePods } from '../bench/generatePods';
import { LspHarness } from './lspHarness';

const key = (d: PublishDiagnosticsParams['diagnostics'][number]) => JSON.stringify([d.range, d.code, d.message]);

describe('opening a large file', () => {
  let h: LspHarness;
  before(async () => { h = await LspHarness.start(); });
  after(async () => { await h.stop(); });

  it('publishes the first documents\' diagnostics first, then the whole file\'s, each what the engine finds there', async () => {
    // 400 pods, about 280 KB: far more than one slice parses on any machine.
    const { text } = generatePods(400);
    const expected = validateText(text, defaultRegistry());
    const uri = 'file:///large.yaml';
    const published: PublishDiagnosticsParams[] = [];
    const whole = h.nextDiagnostics(uri, (p) => {
      if (p.version === 1) published.push(p);
      return p.diagnostics.length === expected.length;
    }, 60_000);
    await h.open(uri, text, 1);
    const final = await whole;
    assert.ok(published.length >= 2, `published ${published.length} time(s)`);
    const first = published[0]!;
    assert.ok(first.diagnostics.length > 0 && first.diagnostics.length < expected.length, `first publish: ${first.diagnostics.length} of ${expected.length}`);
    // The first publish is exactly the whole file's diagnostics up to the last line it reaches.
    const lastLine = Math.max(...first.diagnostics.map((d) => d.range.start.line));
    const upTo = final.diagnostics.filter((d) => d.range.start.line <= lastLine).map(key);
    assert.deepEqual(first.diagnostics.map(key).sort(), upTo.sort());
    assert.deepEqual(final.diagnostics.map((d) => [d.range.start.line, d.code]), expected.map((f) => [f.range.start.line, f.code]));
  });

  it('checks a small file in one go: one publish per version', async () => {
    const { text } = generatePods(10);
    const uri = 'file:///small.yaml';
    let publishes = 0;
    const settled = h.nextDiagnostics(uri, (p) => { publishes++; return p.version === 2; });
    await h.open(uri, text, 1);
    await h.change(uri, 2, [{ text: `${text}# end\n` }]);
    await settled;
    assert.equal(publishes, 2);
  });
});
