import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionKind, CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RuleRegistry } from '../../server/src/engine';
import type { PodRule } from '../../server/src/engine/rule';
import { getPair } from '../../server/src/engine/yamlNodes';
import { LspHarness } from './lspHarness';

// A rule made for this test, so the fix under test does not change when real rules evolve.
const restartPolicyFix: PodRule = {
  code: 'test-restart-policy',
  severity: 'error',
  category: 'api',
  scope: 'pod',
  description: 'Test rule.',
  remediation: 'Use a supported restartPolicy.',
  examples: { bad: 'restartPolicy: Sometimes', good: 'restartPolicy: Always' },
  docUrl: 'https://example.invalid/test',
  check(ctx) {
    const pair = getPair(ctx.spec, 'restartPolicy');
    const value = pair?.value as { value?: unknown } | undefined;
    if (value?.value !== 'Sometimes') return;
    const fixes = ['Always', 'Never'].map((v) => ctx.replaceFix(`Change to "${v}"`, pair!.value as never, v)!);
    ctx.report({ node: pair, path: [...ctx.pod.specPath, 'restartPolicy'], message: 'Unsupported value: "Sometimes"', fixes });
  },
};

const TEXT = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: a}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  restartPolicy: Sometimes\n  containers: [{name: b, image: b}]\n';

describe('quick fixes over LSP', () => {
  let h: LspHarness;
  const uri = 'file:///fix.yaml';
  let diagnostic: Diagnostic;
  before(async () => {
    h = await LspHarness.start({ registry: new RuleRegistry().register(restartPolicyFix) });
    diagnostic = (await h.open(uri, TEXT)).diagnostics[0]!;
  });
  after(() => h.stop());

  const actions = (diagnostics: Diagnostic[], only?: string[]) =>
    h.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  it('offers each fix of the finding as a quick fix whose edit repairs the text', async () => {
    assert.equal(diagnostic.code, 'test-restart-policy');
    const result = await actions([diagnostic]);
    assert.deepEqual(result.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Change to "Always"', CodeActionKind.QuickFix, false],
      ['Change to "Never"', CodeActionKind.QuickFix, false],
    ]);
    assert.deepEqual(result[0]!.diagnostics, [diagnostic]);
    const edits = result[0]!.edit!.changes![uri]!;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, TEXT), edits);
    assert.equal(fixed, TEXT.replace('restartPolicy: Sometimes', 'restartPolicy: Always'));
  });

  it('offers nothing for a diagnostic that is not the current finding, or another tool\'s', async () => {
    assert.deepEqual(await actions([{ ...diagnostic, message: 'something older' }]), []);
    assert.deepEqual(await actions([{ ...diagnostic, source: 'yaml' }]), []);
  });

  it('honours the requested kinds', async () => {
    assert.deepEqual(await actions([diagnostic], [CodeActionKind.Refactor]), []);
    assert.equal((await actions([diagnostic], [CodeActionKind.QuickFix])).length, 2);
  });

  it('follows the document after an edit moves the finding', async () => {
    const moved = h.nextDiagnostics(uri, (p) => p.version === 2);
    await h.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }]);
    const now = (await moved).diagnostics[0]!;
    assert.equal(now.range.start.line, diagnostic.range.start.line + 1);
    assert.deepEqual(await actions([diagnostic]), [], 'the old range no longer matches');
    diagnostic = now;
    assert.equal((await actions([now])).length, 2);
  });
});
