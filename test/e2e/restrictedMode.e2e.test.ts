// Restricted Mode in a real code-server: with workspace trust on and the folder not trusted, Podscope still checks
// manifests (squiggles with its rule codes), while the Pods view says the explorer is off and the kubeconfig's
// credential plugin never runs.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCodeServer, type CodeServer } from './codeServer';
import { editorSkipReason } from './editorTools';
import { withFailureScreenshot } from './screenshots';
import { activeEditor, openFromExplorer } from './workbench';

const WORKSPACE = path.join(__dirname, 'workspace');
const skip = editorSkipReason();

describe('Podscope in Restricted Mode', () => {
  let cs: CodeServer | undefined;
  let tmp = '';
  const page = () => cs!.page;
  const step = (name: string, fn: () => Promise<void>) => () => withFailureScreenshot(cs, name, fn);
  const pluginRan = () => path.join(tmp, 'plugin-ran');

  before(async () => {
    if (skip) return;
    tmp = mkdtempSync(path.join(os.tmpdir(), 'podscope-e2e-restricted-'));
    cpSync(WORKSPACE, path.join(tmp, 'workspace'), { recursive: true });
    const plugin = path.join(tmp, 'plugin.sh');
    writeFileSync(plugin, `#!/bin/sh\ntouch ${pluginRan()}\necho '{"kind":"ExecCredential","status":{"token":"t"}}'\n`, { mode: 0o755 });
    const kubeconfig = path.join(tmp, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config',
      'clusters:', '- name: c', '  cluster:', '    server: https://127.0.0.1:9',
      'users:', '- name: u', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1', `      command: ${plugin}`,
      'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u',
      'current-context: dev',
    ].join('\n'));
    cs = await startCodeServer({
      workspace: path.join(tmp, 'workspace'),
      env: { KUBECONFIG: kubeconfig },
      workspaceTrust: true,
      // No trust prompt: a folder nobody has trusted opens in Restricted Mode.
      settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' },
    });
  });

  after(async () => {
    await cs?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('manifests are checked; the pod explorer is off and runs no credential plugin', { skip }, step('restricted-mode', async () => {
    await openFromExplorer(page(), 'bad-pod.yaml');
    await activeEditor(page()).locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
    await page().keyboard.press('Control+Shift+M');
    const row = page().locator('.markers-panel .monaco-list-row', { hasText: 'Invalid value: "Web_Server"' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /container-name-invalid/);

    // The Podscope container; its tree has no rows here, so wait for the welcome text instead.
    await page().locator('.activitybar .action-item').filter({ has: page().locator('a.action-label[aria-label="Podscope"]') }).click({ timeout: 30_000 });
    const welcome = page().locator('.welcome-view-content', { hasText: 'The pod explorer is off in Restricted Mode' });
    await welcome.waitFor({ timeout: 30_000 });
    assert.equal(await page().locator('.welcome-view-content', { hasText: 'Reading the kubeconfig' }).count(), 0);
    await cs!.screenshot('restricted-mode');
    assert.equal(existsSync(pluginRan()), false, 'the credential plugin did not run');
  }));
});
