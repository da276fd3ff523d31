import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { openWorkspaceFile, rangeOf } from './documents';
import { activatePodscope } from './podscope';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n---\n');
}

test('hover on a field of a Deployment shows its full path, type and schema description', async () => {
  await activatePodscope();
  const doc = await openWorkspaceFile('deployment.yaml');
  const at = rangeOf(doc, 'containerPort').start.translate(0, 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  const text = hoverText(hovers);
  assert.match(text, /`spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort`: integer \(int32\) \(required\)/);
  assert.match(text, /Number of port to expose on the pod's IP address/);
});

test('hover on a value that is no field shows nothing from Podscope', async () => {
  await activatePodscope();
  const doc = await openWorkspaceFile('not-kubernetes.yaml');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rangeOf(doc, 'runs-on').start);
  assert.doesNotMatch(hoverText(hovers), /`[a-z.[\]0-9]+`: /);
});
