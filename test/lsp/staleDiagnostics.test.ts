// lsp-stale-diagnostics.mjs (../shared/repro): when checking a version throws, the server must still
// publish for that version — an internal-error diagnostic — or the editor keeps the previous
// version's squiggles on text that is gone. Fault injection: a registry that fails on demand.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoverRequest } from 'vscode-languageserver/node';
import { defaultRegistry, RuleRegistry, type Rule } from '../../server/src/engine';
import { LspHarness } from './lspHarness';

class FailingRegistry extends RuleRegistry {
  failing = false;
  override all(): Rule[] {
    if (this.failing) throw new Error('injected failure');
    return super.all();
  }
}

describe('diagnostics when checking throws', () => {
  const registry = new FailingRegistry();
  registry.register(...defaultRegistry().all());
  let h: LspHarness;
  before(async () => { h = await LspHarness.start({ registry }); });
  after(async () => { await h.stop(); });

  it('publishes an internal-error for the new version instead of leaving the old diagnostics', async () => {
    const uri = 'file:///stale.yaml';
    const first = await h.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers: [{name: c, image: x}]\n', 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'object-name-invalid'));
    registry.failing = true;
    const second = h.nextDiagnostics(uri, (p) => p.version === 2);
    await h.change(uri, 2, [{ text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n' }]);
    const published = await second;
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line]), [['internal-error', 0]]);
    assert.match(String(published.diagnostics[0]!.message), /could not check this version of the file: injected failure/);
    registry.failing = false;
    const third = h.nextDiagnostics(uri, (p) => p.version === 3);
    await h.change(uri, 3, [{ text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\nspec: {containers: [{name: c, image: x}]}\n' }]);
    assert.ok((await third).diagnostics.some((d) => d.code === 'object-name-invalid'), 'recovers on the next version');
  });

  it('publishes a file-too-large diagnostic for a document over podscope.validate.maxFileSizeKB, and parses nothing for hover', async () => {
    const small = await LspHarness.start({ configuration: (item) => (item.section === 'podscope' ? { validate: { enable: true, maxFileSizeKB: 1 } } : null) });
    try {
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n  annotations:\n${'    a: b\n'.repeat(200)}`;
      const published = await small.open('file:///big.yaml', text, 1);
      assert.deepEqual(published.diagnostics.map((d) => d.code), ['file-too-large']);
      assert.match(String(published.diagnostics[0]!.message), /^File too large to check: 2 KB is over the limit of 1 KB/);
      // Hover (and completion, symbols) would parse the whole text: not over the limit.
      assert.equal(await small.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///big.yaml' }, position: { line: 1, character: 2 } }), null);
    } finally {
      await small.stop();
    }
  });
});
