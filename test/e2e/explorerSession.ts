// One code-server with Podscope against the real local cluster, shared by the tests of an explorer e2e file: started
// in `before`, stopped in `after` (with the pods the tests created), skipped with the reason when code-server/Chromium
// or the cluster binaries cannot be had on this machine.
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClusterUnavailableError, ensureCluster, type Cluster } from '../cluster/cluster';
import { startCodeServer, type CodeServer, type ScreenshotPart } from './codeServer';
import { editorSkipReason } from './editorTools';
import assert from 'node:assert/strict';
import { editorLines, expandRow, openPodsView, settle, showAllNamespaces, treeRow, waitForEditorLine, widenSidebar } from './explorerSteps';
import { docsScreenshotDir } from './screenshots';

const TEST_TIMEOUT = 180_000;

export interface Session {
  cluster: Cluster;
  cs: CodeServer;
  contextName: string;
  workspace: string;
  /** Pods (namespace `demo`) a test created: deleted when the file's tests are done. */
  createdPods: string[];
}

export interface ExplorerSession {
  /** A test that needs the editor and the cluster; on failure it leaves a screenshot in test-results/. */
  uiTest(name: string, fn: (s: Session) => Promise<void>): void;
}

/**
 * Registers the file's before/after hooks. `files` are written into the workspace; `settings` are merged over the
 * explorer's own (DOM terminal renderer, no minimap).
 */
export function useExplorerSession(label: string, files: Record<string, string> = {}, settings: Record<string, unknown> = {}): ExplorerSession {
  let session: Session | undefined;
  let cluster: Cluster | undefined;
  let cs: CodeServer | undefined;
  let workspace: string | undefined;
  let skipReason = editorSkipReason() ?? '';
  const createdPods: string[] = [];

  before(
    async () => {
      if (skipReason) return;
      try {
        cluster = await ensureCluster();
      } catch (err) {
        if (!(err instanceof ClusterUnavailableError)) throw err;
        skipReason = err.message;
        console.log(`# ${label} skipped: ${skipReason}`);
        return;
      }
      workspace = mkdtempSync(path.join(os.tmpdir(), 'podscope-explorer-ws-'));
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workspace, name), text);
      cs = await startCodeServer({
        workspace,
        env: { KUBECONFIG: cluster.kubeconfig },
        settings: {
          // xterm's DOM renderer, so the terminal's text can be read from the page.
          'terminal.integrated.gpuAcceleration': 'off',
          'editor.minimap.enabled': false,
          ...settings,
        },
      });
      const contextName = (await cluster.kubectl.ok(['config', 'current-context'])).trim();
      session = { cluster, cs, contextName, workspace, createdPods };
    },
    { timeout: 20 * 60_000 },
  );

  after(async () => {
    try {
      await cs?.stop();
      for (const name of createdPods) {
        await cluster?.kubectl.run(['delete', 'pod', name, '-n', 'demo', '--ignore-not-found', '--grace-period=0', '--force']);
      }
    } finally {
      await cluster?.release();
      if (workspace) rmSync(workspace, { recursive: true, force: true });
    }
  });

  return {
    uiTest(name, fn) {
      test(name, { timeout: TEST_TIMEOUT }, async (t) => {
        if (!session) return t.skip(skipReason || 'code-server did not start');
        try {
          await fn(session);
        } catch (err) {
          const shot = await session.cs.screenshot(`explorer-failed-${name.slice(0, 60)}`).catch(() => undefined);
          if (shot) t.diagnostic(`screenshot of the failure: ${shot}`);
          throw err;
        }
      });
    },
  };
}

/**
 * Saves a README screenshot of the page as it stands, or only of `part` (docs/images/<name>.png with
 * PODSCOPE_DOCS_IMAGES=1).
 */
export async function shoot(s: Session, name: string, part?: ScreenshotPart): Promise<void> {
  await settle(s.cs.page);
  await s.cs.screenshot(name, docsScreenshotDir(), part);
}

/** Opens the Pods view on all namespaces with the seeded namespaces expanded. */
export async function showSeededPods(s: Session): Promise<void> {
  const { page } = s.cs;
  await openPodsView(page);
  await showAllNamespaces(page, s.contextName);
  for (const ns of s.cluster.namespaces) await expandRow(treeRow(page, ns, 2));
  await widenSidebar(page, 560);
}

/**
 * The active log view interleaves streams, each line under its stream's prefix (`[pod/<pod>/<container>] `, as
 * `kubectl logs --prefix`): waits for each stream's newest line (`kubectl logs <logs>`) and checks that every line
 * shown under a prefix is one kubectl prints for that stream.
 */
export async function waitForPrefixedLogs(s: Session, streams: { prefix: string; logs: string[] }[]): Promise<void> {
  const { page } = s.cs;
  const reference = await Promise.all(streams.map(async (st) => (await s.cluster.kubectl.ok(['logs', ...st.logs])).trimEnd().split('\n')));
  // The merged view holds a line back until the other streams have been quiet for a moment, so these come last.
  for (const [i, lines] of reference.entries()) {
    const newest = `${streams[i].prefix}${lines[lines.length - 1]}`;
    await waitForEditorLine(page, (l) => l === newest, `"${newest}"`);
  }
  const all = await editorLines(page);
  for (const [i, { prefix, logs }] of streams.entries()) {
    const known = new Set(reference[i]);
    for (const l of all.filter((x) => x.startsWith(prefix))) assert.ok(known.has(l.slice(prefix.length)), `"${l}" is a line kubectl logs ${logs.join(' ')} prints`);
  }
}
