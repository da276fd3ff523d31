// Activation and Restricted Mode: the extension's Ctx over a stand-in `vscode`. Activation only registers; the language
// client and (in a trusted folder) the pod explorer start after it. Untrusted, the pod explorer does not read the
// kubeconfig, run its credential plugin or contact the cluster until trust is granted, and then starts by itself.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import type * as vscodeTypes from 'vscode';
import * as fake from './kube/fakes/fakeVscode';
import { MemoryMemento } from '../cluster/explorer/treeWalk';
import type { LateModules } from '../../client/src/ctx';
import type { LanguageClientHandle } from '../../client/src/lsp/client';
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
// The modules Ctx loads after activation: the language client needs far more of VS Code than the stand-in has, so
// its start is recorded; the cluster features are the real ones unless a test makes the explorer fail.
const failExplorer: { message?: string } = {};
// The language server as the stand-in client reports it: not started (no YAML document open) unless a test says so.
const server: { starting: boolean; ready: Promise<void> } = { starting: false, ready: Promise.resolve() };
const lateModules: LateModules = {
  languageClient: async () => ({
    startLanguageClient: async () => {
      started.push('language client');
      return { stop: async () => {}, starting: server.starting, ready: server.ready } as unknown as LanguageClientHandle;
    },
  }),
  clusterFeatures: async () => {
    const real = await import('../../client/src/clusterFeatures.js');
    const message = failExplorer.message;
    return message ? { startClusterFeatures: async () => { throw new Error(message); } } : real;
  },
};
const packageJSON = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as unknown;
const extensionContext = () => ({ globalState: new MemoryMemento(), subscriptions: [], extension: { packageJSON } }) as unknown as vscodeTypes.ExtensionContext;
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return vscode;
  // The pod actions need far more of VS Code than the stand-in has; record their start.
  // The exact layer's version probe needs a status bar the stand-in lacks; it is not what this file tests.
  if (request.endsWith('/exactVersion')) return { startExactVersion: () => ({ dispose() {} }) };
  // One handler stands for the table: it reports what it was run with and whether the explorer existed by then.
  if (request.endsWith('/commands')) {
    return {
      bindCommands: (context: { explorer: unknown }) => {
        started.push('pod actions');
        return new Map([['podscope.pods.refresh', (arg: unknown) => ({ arg, explorer: context.explorer })]]);
      },
    };
  }
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
  const ctx = new Ctx(extensionContext(), lateModules);
  ctx.register();
  try {
    await ctx.api().languageServer.ready;
    assert.deepEqual(started, ['language client']);
    assert.equal(ctx.explorer, undefined);
    assert.equal(fake.recorded.views.length, 0, 'no tree provider registered');
    assert.equal(fake.recorded.contextKeys.get('podscope.kubeconfig.state'), undefined, 'the kubeconfig was not read');
    // Give a wrongly started explorer time to list pods (and so run the plugin) before checking it did not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(fs.existsSync(ranPlugin), false, 'the credential plugin did not run');
    // A cluster command (registered, since package.json contributes it) says why it does nothing.
    assert.equal(await fake.commands.executeCommand('podscope.pods.refresh'), undefined);
    assert.match(fake.recorded.messages.at(-1) ?? '', /^warning: Podscope: the pod explorer and its commands are off in Restricted Mode/);

    trust.isTrusted = true;
    grant.fire();
    await ctx.api().explorerReady;
    assert.ok(ctx.explorer);
    assert.ok(started.includes('pod actions'));
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

test('trusted from the start: activation only registers; the explorer is ready shortly after, and a command run meanwhile waits for it', async () => {
  started.length = 0;
  trust.isTrusted = true;
  const { Ctx } = await import('../../client/src/ctx.js');
  const ctx = new Ctx(extensionContext(), lateModules);
  ctx.register();
  try {
    // What activate returns after: registrations, nothing started.
    assert.equal(ctx.explorer, undefined, 'the explorer starts after activation');
    assert.equal(ctx.api().explorerStarted, false);
    assert.deepEqual(started, [], 'neither the language client nor the explorer started during activation');
    assert.ok(fake.recorded.commands.has('podscope.pods.refresh'), 'the commands are registered at activation');

    const ran = fake.commands.executeCommand('podscope.pods.refresh', 'the row') as Promise<{ arg: unknown; explorer: unknown }>;
    await ctx.api().explorerReady;
    assert.ok(ctx.explorer);
    assert.equal(ctx.api().explorerStarted, true);
    const result = await ran;
    assert.equal(result.arg, 'the row', 'the command ran with its argument');
    assert.equal(result.explorer, ctx.explorer, 'the command ran once the explorer existed');
    await ctx.api().languageServer.ready;
    assert.deepEqual([...started].sort(), ['language client', 'pod actions']);
  } finally {
    await ctx.dispose();
  }
});

test('an explorer that cannot start is reported, and a command run meanwhile says so instead of failing silently', async () => {
  started.length = 0;
  trust.isTrusted = true;
  failExplorer.message = 'kubeconfig exploded';
  const { Ctx } = await import('../../client/src/ctx.js');
  const ctx = new Ctx(extensionContext(), lateModules);
  ctx.register();
  try {
    const before = fake.recorded.messages.length;
    const ran = fake.commands.executeCommand('podscope.pods.refresh');
    await ctx.api().explorerReady;
    assert.equal(await ran, undefined);
    assert.equal(ctx.explorer, undefined);
    assert.ok(!started.includes('pod actions'), 'no handler was bound');
    assert.deepEqual(fake.recorded.messages.slice(before), [
      'error: Podscope: starting the pod explorer failed: Error: kubeconfig exploded',
      'error: Podscope: starting the pod explorer failed: Error: kubeconfig exploded',
    ], 'once when it failed, once for the command');
  } finally {
    delete failExplorer.message;
    await ctx.dispose();
  }
});

test('with a YAML document open, the explorer starts once the language server runs, not while it starts', async () => {
  started.length = 0;
  trust.isTrusted = true;
  let serverRuns!: () => void;
  Object.assign(server, { starting: true, ready: new Promise<void>((resolve) => { serverRuns = resolve; }) });
  const { Ctx } = await import('../../client/src/ctx.js');
  const ctx = new Ctx(extensionContext(), lateModules);
  ctx.register();
  try {
    await until('the language client', () => (started.includes('language client') ? true : undefined));
    // Give a wrongly eager explorer the time to start.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(ctx.explorer, undefined, 'the explorer waits for the language server');
    serverRuns();
    await ctx.api().explorerReady;
    assert.ok(ctx.explorer);
  } finally {
    Object.assign(server, { starting: false, ready: Promise.resolve() });
    await ctx.dispose();
  }
});
