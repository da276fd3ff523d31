import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { ENGINE_CODES } from '../../server/src/engine';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { y } from '../engine/helpers';
import { LspHarness } from './lspHarness';

const SAMPLE = y`
  apiVersion: v1
  kind: Pod
  metadata:
    name: demo
  spec:
    containers:
    - name: app
      image: ""
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: [unclosed
`;

describe('diagnostics over LSP', () => {
  let settings: unknown = null;
  let h: LspHarness;
  before(async () => {
    h = await LspHarness.start({ configuration: (item) => (item.section === 'podscope' ? settings : null) });
  });
  after(() => h.stop());

  it('publishes rule findings as diagnostics with code, doc link, source, path and version', async () => {
    const published = await h.open('file:///sample.yaml', SAMPLE, 3);
    assert.equal(published.version, 3);
    const image = published.diagnostics.find((d) => d.code === 'image-required');
    assert.deepEqual(image, {
      range: { start: { line: 7, character: 11 }, end: { line: 7, character: 13 } },
      severity: DiagnosticSeverity.Error,
      code: 'image-required',
      codeDescription: { href: defaultRegistry().get('image-required')!.docUrl },
      source: 'podscope',
      message: 'spec.containers[0].image: Required value',
    });
  });

  it('reports YAML syntax errors without a path prefix, in the document they occur in', async () => {
    const published = await h.open('file:///syntax.yaml', SAMPLE);
    const syntax = published.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    const engine = validateText(SAMPLE, defaultRegistry()).filter((f) => f.code === 'yaml-syntax');
    // Same messages as the engine's, with no path prefix since syntax errors have no field path.
    assert.deepEqual(syntax.map((d) => d.message), engine.map((f) => f.message));
    for (const d of syntax) {
      assert.ok(d.range.start.line >= 11, `syntax error in the second document, got line ${d.range.start.line}`);
      assert.equal(d.codeDescription?.href, ENGINE_CODES.find((c) => c.code === 'yaml-syntax')!.docUrl);
    }
  });

  it('re-validates on every change, and only the current text counts', async () => {
    const uri = 'file:///change.yaml';
    await h.open(uri, SAMPLE);
    const next = h.nextDiagnostics(uri, (p) => p.version === 2);
    // Give the container an image: the image-required finding must go away.
    await h.change(uri, 2, [{ range: { start: { line: 7, character: 11 }, end: { line: 7, character: 13 } }, text: 'nginx:1.27' }]);
    const published = await next;
    assert.equal(published.diagnostics.filter((d) => d.code === 'image-required').length, 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'yaml-syntax'));
  });

  it('applies podscope.rules severities and "off" from the settings, re-pulled after a configuration change', async () => {
    settings = { rules: { 'image-required': 'hint', 'yaml-syntax': 'off' } };
    const uri = 'file:///settings.yaml';
    await h.open(uri, SAMPLE);
    // Settings are cached per document until the client says they changed.
    const republished = h.nextDiagnostics(uri);
    await h.configurationChanged();
    const published = await republished;
    assert.equal(published.diagnostics.find((d) => d.code === 'image-required')?.severity, DiagnosticSeverity.Hint);
    assert.equal(published.diagnostics.filter((d) => d.code === 'yaml-syntax').length, 0);
  });

  it('publishes nothing when podscope.validate.enable is false', async () => {
    settings = { validate: { enable: false } };
    const published = await h.open('file:///disabled.yaml', SAMPLE);
    assert.deepEqual(published.diagnostics, []);
  });

  it('clears diagnostics when a document closes', async () => {
    settings = null;
    const uri = 'file:///closing.yaml';
    const opened = await h.open(uri, SAMPLE);
    assert.ok(opened.diagnostics.length > 0);
    const cleared = h.nextDiagnostics(uri);
    await h.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('ignores YAML that is not a Kubernetes object', async () => {
    const published = await h.open('file:///compose.yaml', 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(published.diagnostics, []);
  });
});
