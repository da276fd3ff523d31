import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { endOf, openUntitledYaml } from './documents';
import { activatePodscope } from './podscope';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
    - name: redis
      image: redis:7.4
      imagePull`;

async function completionsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

test('field names of a container complete, without the ones already set', async () => {
  await activatePodscope();
  const doc = await openUntitledYaml(POD);
  const items = await completionsAt(doc, endOf(doc, 'imagePull'));
  const labels = items.map(labelOf);
  const pullPolicy = items.find((i) => labelOf(i) === 'imagePullPolicy');
  assert.ok(pullPolicy, `imagePullPolicy offered among ${labels.length}: ${labels.slice(0, 20).join(', ')}`);
  assert.equal(pullPolicy.kind, vscode.CompletionItemKind.Property);
  assert.ok(labels.includes('livenessProbe'));
  assert.ok(!labels.includes('name') && !labels.includes('image'), 'keys already present are not offered again');
});

test('an enum field completes its values', async () => {
  await activatePodscope();
  const doc = await openUntitledYaml(`${POD}Policy: `);
  const labels = (await completionsAt(doc, endOf(doc, 'imagePullPolicy: '))).map(labelOf);
  for (const v of ['Always', 'IfNotPresent', 'Never']) assert.ok(labels.includes(v), `${v} among ${labels.join(', ')}`);
});
