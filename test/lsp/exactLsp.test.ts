// The language server with the exact layer: the engine's diagnostics first, the API server's
// added when the module answers; a cluster version change re-checks open files with its module.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { findModules, moduleDirs, REPO_DIST } from '../../server/src/exact/modules';
import { CLUSTER_VERSION_NOTIFICATION, EXACT_STATUS_NOTIFICATION, type ExactStatusParams } from '../../server/src/shared/protocol';
import { LspHarness } from './lspHarness';

const modules = findModules(moduleDirs(REPO_DIST));
const has = (minor: string) => modules.some((m) => m.minor === minor);
const uri = 'file:///exact.yaml';
const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  tolerations:
  - key: k
    operator: Exists
    value: v
  containers:
  - name: c
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: q
spec:
  containers:
  - name: c
    image: nginx:1.27
`;
const apiCodes = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => String(d.code).startsWith('api-'));

test('engine diagnostics first, then the API server\'s at the right range; an edit elsewhere keeps them', { skip: has('1.36') ? false : 'no v1.36 exact module built (npm run build, needs Go)', timeout: 120_000 }, async () => {
  const h = await LspHarness.start({ exact: { modules: modules.filter((m) => m.minor === '1.36') } });
  try {
    const exactArrived = h.nextDiagnostics(uri, (p) => apiCodes(p).length > 0, 60_000);
    const first = await h.open(uri, text);
    assert.equal(apiCodes(first).length, 0, 'the first publish is the engine\'s, without waiting for the module');
    const withExact = await exactArrived;
    const [d] = apiCodes(withExact);
    assert.equal(d!.message, 'spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'');
    // The API server names `operator` but is about `value: v`: the squiggle marks the value to remove.
    assert.deepEqual(d!.range, { start: { line: 8, character: 11 }, end: { line: 8, character: 12 } });

    // Edit the second document only: the first one's verdict is already on the engine's publish,
    // and stays on the merged one that follows when the module has checked the edited document.
    let seen = 0;
    const next = h.nextDiagnostics(uri, (p) => p.version === 2);
    const merged = h.nextDiagnostics(uri, (p) => p.version === 2 && ++seen === 2, 60_000);
    await h.change(uri, 2, [{ range: { start: { line: 16, character: 8 }, end: { line: 16, character: 9 } }, text: 'r' }]);
    assert.equal(apiCodes(await next).length, 1);
    assert.equal(apiCodes(await merged).length, 1);
  } finally {
    await h.stop();
  }
});

test('auto follows the cluster: a new cluster version re-checks open files with its module', { skip: has('1.36') && has('1.37') ? false : 'needs the v1.36 and v1.37 modules (npm run build)', timeout: 180_000 }, async () => {
  const h = await LspHarness.start({ exact: { modules } });
  const statuses: ExactStatusParams[] = [];
  h.connection.onNotification(EXACT_STATUS_NOTIFICATION, (p: ExactStatusParams) => { statuses.push(p); });
  try {
    const ready = (version: string) => new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (statuses.some((s) => s.version === version && s.state === 'ready')) { clearInterval(timer); resolve(); }
      }, 50);
    });
    await h.open(uri, text);
    const newest = modules[0]!.version;
    await ready(newest);
    assert.match(statuses.at(-1)!.reason, /no cluster answers/);
    await h.connection.sendNotification(CLUSTER_VERSION_NOTIFICATION, { gitVersion: 'v1.36.1' });
    await ready('v1.36.1');
    assert.match(statuses.at(-1)!.reason, /cluster of the current context runs v1\.36\.1/);
  } finally {
    await h.stop();
  }
});

test('a cluster version that arrives while the guessed module still loads: that module is retired, and the status bar never says unavailable', { skip: has('1.36') && has('1.37') ? false : 'needs the v1.36 and v1.37 modules (npm run build)', timeout: 180_000 }, async () => {
  const h = await LspHarness.start({ exact: { modules } });
  const statuses: ExactStatusParams[] = [];
  h.connection.onNotification(EXACT_STATUS_NOTIFICATION, (p: ExactStatusParams) => { statuses.push(p); });
  try {
    const loading = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (statuses.some((s) => s.state === 'loading')) { clearInterval(timer); resolve(); }
      }, 5);
    });
    const exactArrived = h.nextDiagnostics(uri, (p) => apiCodes(p).length > 0, 120_000);
    await h.open(uri, text);
    await loading;
    // The newest module is still loading (it takes hundreds of milliseconds): the cluster answers now.
    await h.connection.sendNotification(CLUSTER_VERSION_NOTIFICATION, { gitVersion: 'v1.36.1' });
    await exactArrived;
    const ready = () => statuses.some((s) => s.version === 'v1.36.1' && s.state === 'ready');
    while (!ready()) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(statuses.filter((s) => s.state === 'unavailable'), [], 'a retired module is no failure to show');
    assert.equal(statuses.at(-1)!.version, 'v1.36.1');
  } finally {
    await h.stop();
  }
});
