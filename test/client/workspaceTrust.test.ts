// Restricted Mode: the extension's Ctx over a stand-in `vscode` whose workspace is not trusted. The language client
// starts; the pod explorer does not read the kubeconfig, run its credential plugin or contact the cluster until trust
// is granted, and then starts by itself.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import type * as vscodeTypes from 'vscode';
import * as fake from './kube/fakes/fakeVscode';
import { MemoryMemento } from '../cluster/explorer/treeWalk';
import { until } from '../support/until';

const grant = new fake.EventEmitter<void>();
const trust = { isTrusted: false };
const vscode = {
  ...fake,
  workspace: {
    ...fake.workspace,
    get isTrusted() { return trust.isTrusted; },
    onDidGrantWorkspaceTrust: grant.event,
  },
};

const started: string[] = [];
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return vscode;
  // The language client and the pod actions need far more of VS Code than the stand-in has; record their start.
  if (request.endsWith('/lsp/client')) return { startLanguageClient: async () => { started.push('language client'); return { stop: async () => {} }; } };
  // The exact layer's version probe needs a status bar the stand-in lacks; it is not what this file tests.
  if (request.endsWith('/exactVersion')) return { startExactVersion: () => ({ dispose() {} }) };
  if (request.endsWith('/commands')) return { registerCommands: () => { started.push('pod actions'); return []; } };
  if (request.endsWith('/clusterViews')) return { openClusterViews: () => ({ dispose() {} }) };
  if (request.endsWith('/manifestLenses')) return { registerManifestLenses: () => ({ dispose() {} }) };
  return originalLoad.call(this, request, ...rest);
};
after(() => { loader._load = originalLoad; });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-trust-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const ranPlugin = path.join(dir, 'plugin-ran');
const pluginFile = path.join(dir, 'plugin.sh');
fs.writeFileSync(pluginFile, `#!/bin/sh\ntouch ${ranPlugin}\necho '{"kind":"ExecCredential","status":{"token":"t"}}'\n`, { mode: 0o755 });
const kubeconfig = path.join(dir, 'kubeconfig.yaml');
fs.writeFileSync(kubeconfig, [
  'apiVersion: v1', 'kind: Config',
  'clusters:', '- name: c', '  cluster:', '    server: https://127.0.0.1:9', // discard port: nothing listens
  'users:', '- name: u', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1', `      command: ${pluginFile}`,
  'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u',
  'current-context: dev',
].join('\n'));

test('untrusted: validation starts, cluster features wait for trust and then start by themselves', async () => {
  fake.recorded.settings.set('podscope.kubeconfig', kubeconfig);
  const { Ctx } = await import('../../client/src/ctx.js');
  const ctx = new Ctx({ globalState: new MemoryMemento(), subscriptions: [] } as unknown as vscodeTypes.ExtensionContext);
  await ctx.start();
  try {
    assert.deepEqual(started, ['language client']);
    assert.equal(ctx.explorer, undefined);
    assert.equal(fake.recorded.views.length, 0, 'no tree provider registered');
    assert.equal(fake.recorded.contextKeys.get('podscope.kubeconfig.state'), undefined, 'the kubeconfig was not read');
    // Give a wrongly started explorer time to list pods (and so run the plugin) before checking it did not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(fs.existsSync(ranPlugin), false, 'the credential plugin did not run');

    trust.isTrusted = true;
    grant.fire();
    await until('the explorer', () => ctx.explorer);
    await until('pod actions', () => (started.includes('pod actions') ? true : undefined));
    assert.equal(fake.recorded.contextKeys.get('podscope.kubeconfig.state'), 'loaded');
    // Listing starts when the tree asks for the context's children, as VS Code does when it shows the view.
    const provider = fake.latestView('podscope.pods')!.provider as { getChildren(n?: unknown): unknown[] };
    provider.getChildren(provider.getChildren()[0]);
    await until('the credential plugin to run for the first pod list', () => (fs.existsSync(ranPlugin) ? true : undefined));
    grant.fire();
    assert.equal(started.filter((s) => s === 'pod actions').length, 1, 'a second grant starts nothing twice');
  } finally {
    await ctx.dispose();
  }
});

test('trusted from the start: the explorer is ready before activate returns', async () => {
  started.length = 0;
  trust.isTrusted = true;
  const { Ctx } = await import('../../client/src/ctx.js');
  const ctx = new Ctx({ globalState: new MemoryMemento(), subscriptions: [] } as unknown as vscodeTypes.ExtensionContext);
  await ctx.start();
  try {
    assert.ok(ctx.explorer);
    assert.deepEqual(started, ['pod actions', 'language client']);
  } finally {
    await ctx.dispose();
  }
});
