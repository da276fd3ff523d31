// The exact layer in a real VS Code (code-server): a mistake only the API server knows shows kube-apiserver's own
// message at the text to change, and `podscope.kubernetesVersion` decides the verdict on a field whose validation
// differs between versions. Workspace settings are written to `.vscode/settings.json`, as a user edits them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startCodeServer, type CodeServer } from './codeServer';
import { editorSkipReason } from './editorTools';
import { docsScreenshotDir, withFailureScreenshot } from './screenshots';
import { activeEditor, openFromExplorer, token } from './workbench';

const skip = editorSkipReason();

const limits = '    resources:\n      limits: {cpu: 100m, memory: 64Mi}\n';
const TOLERATION = `apiVersion: v1
kind: Pod
metadata:
  name: tolerant
spec:
  tolerations:
  - key: dedicated
    operator: Exists
    value: gpu
  containers:
  - name: app
    image: nginx:1.27
${limits}`;
// env[].valueFrom.fileKeyRef (KEP-3721, feature gate EnvFiles): alpha and off in 1.34, so the 1.34 API server drops
// it and finds valueFrom empty; beta and on from 1.35, so 1.37 accepts the manifest.
const ENV_FILE = `apiVersion: v1
kind: Pod
metadata:
  name: env-file
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: DB_HOST
      valueFrom:
        fileKeyRef: {volumeName: config, path: app.env, key: DB_HOST}
${limits}  volumes:
  - name: config
    emptyDir: {}
`;

describe('kube-apiserver\'s own validation in code-server', () => {
  let cs: CodeServer | undefined;
  let tmp = '';
  let workspace = '';
  const page = () => cs!.page;
  const step = (name: string, fn: () => Promise<void>) => () => withFailureScreenshot(cs, name, fn);
  const setVersion = (v: string) => writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'podscope.kubernetesVersion': v }, null, 2));

  before(async () => {
    if (skip) return;
    tmp = mkdtempSync(path.join(os.tmpdir(), 'podscope-e2e-exact-'));
    workspace = path.join(tmp, 'workspace');
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(workspace, 'toleration.yaml'), TOLERATION);
    writeFileSync(path.join(workspace, 'env-file.yaml'), ENV_FILE);
    setVersion('1.37');
    cs = await startCodeServer({ workspace, env: { KUBECONFIG: path.join(tmp, 'no-kubeconfig') } });
  });

  after(async () => {
    await cs?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a toleration with operator Exists and a value: the API server\'s message, squiggled on the value', { skip }, step('exact-toleration', async () => {
    await openFromExplorer(page(), 'toleration.yaml');
    await versionItem(page(), /K8s v?1\.37/).waitFor({ timeout: 60_000 });
    const squiggle = activeEditor(page()).locator('.squiggly-error');
    await squiggle.first().waitFor({ timeout: 60_000 });
    assert.equal(await squiggle.count(), 1, 'one diagnostic for the one mistake');

    await page().keyboard.press('Control+Shift+M');
    const row = page().locator('.markers-panel .monaco-list-row', { hasText: 'Invalid value: "gpu"' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    assert.match(text, /spec\.tolerations\[0\]\.operator: Invalid value: "gpu": value must be empty when `operator` is 'Exists'/);
    assert.match(text, /api-invalid/);
    assert.match(text, /\[Ln 9, Col 12\]/, 'the range starts at the value');

    // The squiggle lies under `gpu`, not under `Exists` (whose field the API server names).
    const under = await squiggle.first().boundingBox();
    const value = await token(page(), 'gpu').boundingBox();
    const operator = await token(page(), 'Exists').boundingBox();
    assert.ok(under && value && operator);
    assert.ok(Math.abs(under.x - value.x) < 2 && Math.abs(under.width - value.width) < 2, `squiggle ${JSON.stringify(under)} vs value ${JSON.stringify(value)}`);
    assert.ok(Math.abs(under.y - value.y) < value.height, 'on the value\'s line');

    await token(page(), 'gpu').hover();
    await page().locator('.monaco-hover', { hasText: 'value must be empty when' }).first().waitFor({ timeout: 30_000 });
    await cs!.screenshot('editor-exact', docsScreenshotDir());
    await page().keyboard.press('Escape');
  }));

  test('podscope.kubernetesVersion decides: 1.34 rejects env valueFrom.fileKeyRef, 1.37 accepts it', { skip }, step('exact-version', async () => {
    await openFromExplorer(page(), 'env-file.yaml');
    const squiggle = activeEditor(page()).locator('.squiggly-error');
    await versionItem(page(), /K8s v?1\.37/).waitFor({ timeout: 60_000 });
    await page().waitForTimeout(1_000);
    assert.equal(await squiggle.count(), 0, '1.37 accepts the manifest');

    setVersion('1.34');
    await versionItem(page(), /K8s v?1\.34/).waitFor({ timeout: 60_000 });
    await squiggle.first().waitFor({ timeout: 60_000 });
    const row = page().locator('.markers-panel .monaco-list-row', { hasText: 'must specify one of' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /spec\.containers\[0\]\.env\[0\]\.valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`/);
    await cs!.screenshot('editor-exact-version', docsScreenshotDir());

    setVersion('1.37');
    await versionItem(page(), /K8s v?1\.37/).waitFor({ timeout: 60_000 });
    await squiggle.first().waitFor({ state: 'detached', timeout: 60_000 });
  }));
});

/** The status bar entry that says which Kubernetes version checked the active file. */
function versionItem(page: Page, text: RegExp) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
}
