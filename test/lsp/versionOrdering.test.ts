import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { LspHarness } from './lspHarness';
import { until } from '../support/until';
import { podNamed } from '../support/manifests';

const NO_IMAGE = podNamed('demo')`
  containers:
  - name: app
`;

describe('version ordering', () => {
  it('never lets an older version\'s diagnostics overwrite a newer one\'s', async () => {
    // Each workspace/configuration answer is held until the test releases it. The first answer
    // (for version 1) makes image-required a warning, later ones make it a hint.
    const pending: Array<() => void> = [];
    const h = await LspHarness.start({
      configuration: () => {
        const severity = pending.length === 0 ? 'warning' : 'hint';
        return new Promise((resolve) => pending.push(() => resolve({ rules: { 'image-required': severity } })));
      },
    });
    const uri = 'file:///ordering.yaml';
    try {
      await h.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: NO_IMAGE } });
      await until('the first request held', () => pending.length === 1);
      // A settings change drops the cached settings, so what follows pulls them afresh.
      await h.configurationChanged();
      await h.change(uri, 2, [{ range: { start: { line: 2, character: 17 }, end: { line: 2, character: 21 } }, text: 'demo2' }]);
      await until('the second request held', () => pending.length === 2);
      const v2 = h.nextDiagnostics(uri, (p) => p.version === 2);
      pending[1]!(); // the newer settings arrive first, version 2 is published...
      await v2;
      pending[0]!(); // ...then version 1's settings arrive late
      // One more round trip, so anything version 1 would publish has arrived.
      await h.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      const forUri = h.published.filter((p) => p.uri === uri);
      assert.deepEqual(forUri.map((p) => p.version), [2]);
      const image = forUri[0]!.diagnostics.filter((d) => d.code === 'image-required');
      assert.deepEqual(image.map((d) => d.severity), [DiagnosticSeverity.Hint]);
    } finally {
      pending.forEach((release) => release());
      await h.stop();
    }
  });
});
