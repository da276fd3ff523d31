// `npm run demo` (scripts/demo.mjs) end to end: it prints a URL that answers, shows the cluster's pods in the
// Podscope view, and on --exit-after-ready or Ctrl-C stops everything it started, leaving no process behind.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureCluster, ClusterUnavailableError, type Cluster } from '../cluster/cluster';
import { launchChromium, openWorkbench, testResultsDir } from './codeServer';
import { editorSkipReason, editorTools } from './editorTools';
import { clusterRunning, isAlive, processesMentioning, refusesConnections, startDemo, type DemoReady, type DemoRun } from './demoProcess';
import { docsScreenshotDir } from './screenshots';

const TIMEOUT_MS = 180_000;

/** The demo's environment without a KUBECONFIG, so it takes the local-cluster path unless told otherwise. */
function demoEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KUBECONFIG;
  return env;
}

async function assertNothingLeft(demo: DemoRun, ready: DemoReady): Promise<void> {
  assert.equal(isAlive(ready.pid), false, `code-server (pid ${ready.pid}) still runs`);
  assert.deepEqual(processesMentioning(ready.profileDir), [], 'no process of the demo\'s code-server profile is left');
  assert.equal(await refusesConnections(ready.url), true, `${ready.url} still answers`);
  assert.match(demo.stderr(), /\[demo\] stopped/);
}

const skip = editorSkipReason();

describe('npm run demo', () => {
  let cluster: Cluster | undefined;
  let noCluster: string | undefined;

  before(async () => {
    if (skip) return;
    try {
      cluster = await ensureCluster();
    } catch (e) {
      if (!(e instanceof ClusterUnavailableError)) throw e;
      noCluster = `no local cluster on this machine: ${e.message}`;
    }
  });

  after(async () => {
    await cluster?.release();
  });

  test('--exit-after-ready prints a URL that answered, exits 0, leaves no process and keeps the running cluster', { skip, timeout: TIMEOUT_MS }, async (t) => {
    if (noCluster) return t.skip(noCluster);
    assert.equal(clusterRunning(), true);
    const demo = startDemo(['--exit-after-ready'], demoEnv());
    const ready = await demo.ready;
    assert.equal(await demo.exited, 0, demo.stderr());

    assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
    assert.ok(demo.stdout().includes(`Open this in your browser:\n\n  ${ready.url}\n`), `banner with the URL:\n${demo.stdout()}`);
    assert.ok(demo.stderr().includes(`${ready.url} answered HTTP 200`), demo.stderr());
    assert.ok(demo.stderr().includes(`pod explorer uses KUBECONFIG=${cluster!.kubeconfig}`), demo.stderr());
    await assertNothingLeft(demo, ready);
    // It reused the cluster rather than starting one, so it must have left it running.
    assert.equal(clusterRunning(), true, 'the demo stopped a cluster it had not started');
  });

  test('with --kubeconfig it runs until Ctrl-C with the cluster\'s pods in the Podscope view, then stops everything', { skip, timeout: TIMEOUT_MS }, async (t) => {
    if (noCluster) return t.skip(noCluster);
    const demo = startDemo(['--kubeconfig', cluster!.kubeconfig], demoEnv());
    let browser: Browser | undefined;
    let page: Page | undefined;
    try {
      const ready = await demo.ready;
      assert.doesNotMatch(demo.stderr(), /local cluster/, 'with --kubeconfig the demo neither starts nor reuses the local cluster');

      const tools = editorTools();
      assert.ok(tools.ok);
      browser = await launchChromium(tools.tools);
      page = await openWorkbench(browser, ready.url);
      await showPods(page, cluster!);
      await showManifest(page, 'worker-pod.yaml');
      await page.screenshot({ path: `${docsScreenshotDir()}/demo.png` });
      await browser.close();
      browser = undefined;

      demo.child.kill('SIGINT');
      assert.equal(await demo.exited, 0, demo.stderr());
      assert.match(demo.stderr(), /SIGINT: stopping/);
      await assertNothingLeft(demo, ready);
    } catch (e) {
      await page?.screenshot({ path: `${testResultsDir}/failed-demo.png` }).catch(() => {});
      throw e;
    } finally {
      await browser?.close();
      if (demo.child.exitCode === null && demo.child.signalCode === null) demo.child.kill('SIGTERM');
    }
  });
});

/** Opens the Podscope view, switches to all namespaces and expands two of them down to their pods. */
async function showPods(page: Page, cluster: Cluster): Promise<void> {
  await page.locator('.activitybar .action-item a[aria-label="Podscope"]').click();
  const tree = page.locator('.pane-body .monaco-list-row');
  const row = (label: string) => tree.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await row('podscope').waitFor({ timeout: 30_000 });
  // With two views in the container (Pods, Events), VS Code shows a view's title actions only while it is hovered.
  await row('podscope').hover();
  await page.locator('.action-item a[aria-label^="Choose Namespace"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'All namespaces' }).click();
  for (const key of ['running', 'crashloop']) {
    const pod = cluster.pod(key);
    await row(pod.namespace).click();
    await row(pod.name).waitFor({ timeout: 30_000 });
  }
}

/** Opens a workspace file with Quick Open and the Problems panel, so the picture shows both halves of Podscope. */
async function showManifest(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
}
