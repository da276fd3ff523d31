import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as vscode from 'vscode';
import { openWorkspaceFile } from './documents';
import { activatePodscope, podscopeExtension } from './podscope';

test('Podscope activates and hands back its API: the explorer starts after activation, the language server runs with YAML', async () => {
  const api = await activatePodscope();
  assert.equal(podscopeExtension().isActive, true);
  // Activation only registers; the explorer starts once it has returned.
  await api.explorerReady;
  assert.equal(api.explorerStarted, true, 'the pod explorer started');
  assert.ok(api.languageServer, 'the language client was created');
  // The server starts with the first YAML document; `ready` settles once it runs.
  await openWorkspaceFile('bad-pod.yaml');
  await api.languageServer.ready;
  assert.equal(api.languageServer.isRunning(), true);
});

test('Podscope contributes its commands to the editor', async () => {
  await activatePodscope();
  const commands = await vscode.commands.getCommands(true);
  for (const id of ['podscope.pods.refresh', 'podscope.logs.show', 'podscope.manifest.validateOnCluster']) {
    assert.ok(commands.includes(id), `${id} is registered`);
  }
});
