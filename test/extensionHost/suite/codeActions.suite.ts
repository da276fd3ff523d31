import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { findCode, waitForDiagnostics, withCode } from './diagnostics';
import { openUntitledYaml, rangeOf, workspaceFile } from './documents';
import { activatePodscope } from './podscope';

test('a misspelt field offers a quick fix that renames it, and the fix clears the error', async () => {
  await activatePodscope();
  // An untitled copy of typo-pod.yaml, so applying the fix leaves the fixture alone.
  const doc = await openUntitledYaml(readFileSync(workspaceFile('typo-pod.yaml').fsPath, 'utf8'));
  const ds = await waitForDiagnostics(doc.uri, withCode('unknown-field'), 'unknown-field');
  const d = findCode(ds, 'unknown-field');
  assert.match(d.message, /unknown field "spec\.containers\[0\]\.imagePulPolicy" \(did you mean "imagePullPolicy"\?\)/);

  // VS Code fills the request's context from its marker service, which can trail the diagnostics event by a
  // moment, and cancels a provider call that a newer one overtakes: ask again until the fix is offered or the
  // deadline passes. Anything but a cancellation is a real failure.
  const deadline = Date.now() + 10_000;
  let actions: vscode.CodeAction[] = [];
  let fix: vscode.CodeAction | undefined;
  while (!fix && Date.now() < deadline) {
    try {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    } catch (e) {
      if (!(e instanceof Error) || !/Canceled/.test(`${e.name} ${e.message}`)) throw e;
      actions = [];
    }
    fix = actions.find((a) => a.title === 'Change to "imagePullPolicy"');
    if (!fix) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(fix, `quick fix offered among: ${actions.map((a) => a.title).join(', ')}`);
  assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
  assert.ok(fix.edit, 'the fix carries an edit');
  const edits = fix.edit.get(doc.uri);
  assert.deepEqual(edits.map((e) => [e.range, e.newText]), [[rangeOf(doc, 'imagePulPolicy'), 'imagePullPolicy']]);

  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  assert.match(doc.getText(), /^ {6}imagePullPolicy: IfNotPresent$/m);
  await waitForDiagnostics(doc.uri, (all) => !all.some((x) => x.message.includes('imagePulPolicy')), 'diagnostics without the typo');
});
