// lsp-cr-split.yaml, lsp-u2028-split.yaml, lsp-quote-split.yaml and linecounter-shift.yaml
// (../shared/repro): the language server and `podscope lint` split these texts into documents and
// count their lines differently. Both now use the engine's one splitter and line counter, so the
// server publishes exactly the CLI's findings.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../../server/src/cli/lint';
import { defaultRegistry } from '../../server/src/engine';
import { diagnosticMessage } from '../../server/src/lsp/diagnostics';
import { workspace } from '../cli/cliHarness';
import { LspHarness } from './lspHarness';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources: {limits: {cpu: 1, memory: 1Gi}}\n';

const CASES: Record<string, string> = {
  'lsp-cr-split.yaml': `a: 1\r---\r${POD}`,
  'lsp-u2028-split.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n  annotations:\n    a: "x\u2028--- y"\nspec:\n  containers:\n  - name: C\n    image: nginx:1.27\n    resources: {limits: {cpu: 1, memory: 1Gi}}\n',
  'lsp-quote-split.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  note: "unterminated\n---\n${POD}`,
  'linecounter-shift.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a;\n#\ni\n}\n---\n${POD}`,
  'CRLF and bare CR line ends': `apiVersion: v1\r\nkind: Pod\r\nmetadata: {name: a}\r\n---\r\n${POD.replace(/\n/g, '\r')}`,
};

describe('the language server and the CLI agree on the same text', () => {
  let h: LspHarness;
  before(async () => { h = await LspHarness.start(); });
  after(async () => { await h.stop(); });

  for (const [name, text] of Object.entries(CASES)) {
    it(name, async () => {
      const dir = workspace({ 'x.yaml': text });
      const [cli] = lintFiles([`${dir}/x.yaml`], defaultRegistry(), {});
      const published = await h.open(`file:///${encodeURIComponent(name)}`, text, 1);
      const fromCli = cli!.findings.map((f) => JSON.stringify([f.range, f.code, diagnosticMessage(f)])).sort();
      const fromServer = published.diagnostics.map((d) => JSON.stringify([d.range, d.code, d.message])).sort();
      assert.ok(fromCli.length > 0, 'the case has findings');
      assert.deepEqual(fromServer, fromCli);
    });
  }

  it('the Pod after the unterminated quote is checked by both (the `---` line starts a document, as in kubectl)', () => {
    const dir = workspace({ 'x.yaml': CASES['lsp-quote-split.yaml']! });
    const [cli] = lintFiles([`${dir}/x.yaml`], defaultRegistry(), {});
    assert.deepEqual(cli!.findings.map((f) => [f.code, f.range.start.line]), [['yaml-syntax', 5], ['object-name-invalid', 9]]);
  });
});
