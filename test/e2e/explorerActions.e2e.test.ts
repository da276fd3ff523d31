// The explorer's actions beyond the tree, in a real VS Code (code-server) against the real local cluster: Apply from
// the editor title and a code lens with its diff, the pod-update check's squiggles, the Events view, a debug
// container's terminal, a Deployment's workload logs and JSON-aware log rendering. What the page shows is checked
// against kubectl or against what the test wrote into the cluster. With PODSCOPE_DOCS_IMAGES=1 it rewrites the README
// screenshots docs/images/{explorer-apply-diff,editor-pod-update,explorer-events,explorer-debug,
// explorer-workload-logs,explorer-json-logs}.png.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Cluster } from '../cluster/cluster';
import { until } from '../support/until';
import {
  activeTab, answerInputBox, clickButton, codeLens, contextMenu, dialog, diffLines, editorTitleAction, eventsViewRect,
  expandRow, hideNotifications, hidePart, notification, openFile, pickQuickItem, problem, readEventRows,
  readTreePods, replaceInEditor, runCommand, setViewExpanded, showEventsView, treeRow, waitForEditorLine,
  waitForTerminalRow,
} from './explorerSteps';
import { shoot, showSeededPods, useExplorerSession, waitForPrefixedLogs, type Session } from './explorerSession';
import { docsScreenshotDir } from './screenshots';
import { activeEditor, token } from './workbench';

/** A Pod manifest the engine finds nothing wrong with, so only what the cluster says shows. */
function podManifest(name: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    '  namespace: demo',
    '  labels:',
    `    app: ${name}`,
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: ghcr.io/podscope/hello:1.0',
    '      ports:',
    '        - containerPort: 8080',
    '      resources:',
    '        requests: {cpu: 50m, memory: 32Mi}',
    '        limits: {cpu: 100m, memory: 64Mi}',
    '',
  ].join('\n');
}

const APPLIED = 'e2e-apply';
const UPDATED = 'e2e-update';

const { uiTest } = useExplorerSession(
  'explorer actions e2e tests',
  { [`${APPLIED}.yaml`]: podManifest(APPLIED), [`${UPDATED}.yaml`]: podManifest(UPDATED) },
  // Side by side even beside the widened Pods view, as the README picture shows the diff.
  { 'diffEditor.useInlineViewWhenSpaceIsLimited': false },
);

const imageOf = async (c: Cluster, pod: string): Promise<string> =>
  (await c.kubectl.ok(['get', 'pod', pod, '-n', 'demo', '-o', 'jsonpath={.spec.containers[0].image}'])).trim();

/** A pod of the test's own (`kubectl run`), running and shown in the tree; deleted after the file's tests. */
async function scratchPod(s: Session, prefix: string): Promise<string> {
  const name = `${prefix}-${randomUUID().slice(0, 5)}`;
  s.createdPods.push(name);
  await s.cluster.kubectl.ok(['run', name, '-n', 'demo', '--image=distroless-app:1', '--restart=Never']);
  await showSeededPods(s);
  await until(`${name} running in the tree`, async () => (await readTreePods(s.cs.page)).find((p) => p.name === name && p.status === 'Running'), { timeoutMs: 60_000, intervalMs: 300 });
  return name;
}

uiTest('Apply from the editor title creates the pod; after an edit the code lens shows the diff, then applies it', async (s) => {
  const { page } = s.cs;
  const { cluster } = s;
  await cluster.kubectl.ok(['delete', 'pod', APPLIED, '-n', 'demo', '--ignore-not-found', '--grace-period=0', '--force']);
  s.createdPods.push(APPLIED);
  // Apply goes to the Pods view's context.
  await showSeededPods(s);
  await openFile(page, `${APPLIED}.yaml`);

  await editorTitleAction(page, 'Apply to the Cluster (Server-Side Apply)');
  await notification(page, new RegExp(`Pod/${APPLIED} created`));
  await hideNotifications(page);
  assert.equal(await imageOf(cluster, APPLIED), 'ghcr.io/podscope/hello:1.0');

  await replaceInEditor(page, 'hello:1.0', 'hello:1.1');
  await waitForEditorLine(page, (l) => l.trim() === 'image: ghcr.io/podscope/hello:1.1', 'the edited image');
  await codeLens(page, 'Apply');
  const confirm = await dialog(page, /apply changes an existing object/);
  assert.match(await confirm.locator('.dialog-message-detail').innerText(), new RegExp(`Pod/${APPLIED}: spec\\.containers\\[0\\]\\.image`));
  await clickButton(confirm, 'Show Diff');

  await activeTab(page, `Pod/${APPLIED}: live ↔ after apply (dry run)`).waitFor();
  const left = await until('the live image on the left', async () => (await diffLines(page, 'original')).find((l) => l.endsWith('image: ghcr.io/podscope/hello:1.0')));
  const right = await until('the dry run\'s image on the right', async () => (await diffLines(page, 'modified')).find((l) => l.endsWith('image: ghcr.io/podscope/hello:1.1')));
  // Same place in both documents: only the value differs.
  assert.equal(left.replace('1.0', '1.1'), right);
  // Both sides are the object as the server has it or would store it, not the manifest's text.
  for (const side of ['original', 'modified'] as const) {
    assert.ok((await diffLines(page, side)).some((l) => l.trim() === `name: ${APPLIED}`), `${side} names the pod`);
  }
  assert.equal(await imageOf(cluster, APPLIED), 'ghcr.io/podscope/hello:1.0', 'the diff is a dry run: nothing applied yet');
  await page.locator('.monaco-diff-editor .line-delete, .monaco-diff-editor .char-delete').first().waitFor();
  await shoot(s, 'explorer-apply-diff');

  await clickButton(await notification(page, /review the diff, then apply/), 'Apply');
  await notification(page, new RegExp(`Pod/${APPLIED} configured`));
  await hideNotifications(page);
  assert.equal(await imageOf(cluster, APPLIED), 'ghcr.io/podscope/hello:1.1');
});

uiTest('Check Pod Update squiggles a forbidden change of a live pod at the field, in the API server\'s words', async (s) => {
  const { page } = s.cs;
  const { cluster } = s;
  await cluster.kubectl.ok(['delete', 'pod', UPDATED, '-n', 'demo', '--ignore-not-found', '--grace-period=0', '--force']);
  s.createdPods.push(UPDATED);
  await cluster.kubectl.ok(['create', '-f', path.join(s.workspace, `${UPDATED}.yaml`)]);
  await showSeededPods(s);
  await openFile(page, `${UPDATED}.yaml`);

  await replaceInEditor(page, 'containerPort: 8080', 'containerPort: 9090');
  await waitForEditorLine(page, (l) => l.trim() === '- containerPort: 9090', 'the edited port');
  await codeLens(page, 'Check Pod Update');
  const row = await problem(page, /spec\.containers\[0\]\.ports\[0\]\.containerPort: Forbidden: pod updates may not change fields other than .*\(the live pod has 8080\)/);
  assert.match(await row.innerText(), /pod-update-forbidden/);
  await notification(page, /refused \(see Problems\)/);
  await hideNotifications(page);

  // The squiggle lies under the changed value, where the user typed it.
  const squiggle = activeEditor(page).locator('.squiggly-error');
  await squiggle.first().waitFor();
  assert.equal(await squiggle.count(), 1, 'one forbidden change, one squiggle');
  const under = await squiggle.first().boundingBox();
  const value = await token(page, '9090').boundingBox();
  assert.ok(under && value);
  assert.ok(Math.abs(under.x - value.x) < 2 && Math.abs(under.y - value.y) < value.height, `squiggle ${JSON.stringify(under)} vs 9090 ${JSON.stringify(value)}`);
  assert.equal((await cluster.kubectl.ok(['get', 'pod', UPDATED, '-n', 'demo', '-o', 'jsonpath={.spec.containers[0].ports[0].containerPort}'])).trim(), '8080', 'a check changes nothing');

  // The whole message in the hover: the editor gets the window's width.
  await hidePart(page, 'sidebar');
  await token(page, '9090').hover();
  await page.locator('.monaco-hover', { hasText: 'pod updates may not change fields' }).first().waitFor();
  // Not shoot(): that parks the mouse, which would close the hover this picture is about.
  await s.cs.screenshot('editor-pod-update', docsScreenshotDir());
  await page.keyboard.press('Escape');
});

uiTest('the Events view lists every Warning event kubectl lists, and a new one arrives by watch', async (s) => {
  const { page } = s.cs;
  const { kubectl } = s.cluster;
  await showSeededPods(s);
  await showEventsView(page);

  const pull = s.cluster.pod('image-pull');
  const uid = (await kubectl.ok(['get', 'pod', pull.name, '-n', pull.namespace, '-o', 'jsonpath={.metadata.uid}'])).trim();
  const now = new Date().toISOString();
  const image = pull.workload.containers[0].image;
  const eventName = `${pull.name}.e2e-${randomUUID().slice(0, 8)}`;
  await kubectl.ok(['create', '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'Event',
    metadata: { name: eventName, namespace: pull.namespace },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pull.name, namespace: pull.namespace, uid, fieldPath: 'spec.containers{app}' },
    reason: 'Failed', message: `Failed to pull image "${image}": not found`, type: 'Warning',
    count: 1, firstTimestamp: now, lastTimestamp: now, source: { component: 'kubelet', host: 'kwok-node-0' },
  }));
  try {
    interface KubeEvent { reason: string; metadata: { namespace: string }; involvedObject: { kind: string; name: string } }
    const rows = await until('every Warning event kubectl lists in the view, with its object and a warning icon', async () => {
      const warnings = (await kubectl.json<{ items: KubeEvent[] }>(['get', 'events', '-A', '--field-selector', 'type=Warning'])).items;
      const shown = await readEventRows(page);
      const missing = warnings.filter((e) => !shown.some((r) => r.warning && r.label === e.reason
        && r.description.startsWith(`${e.metadata.namespace} ${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name} `)));
      if (missing.length > 0) throw new Error(`not shown: ${missing.map((e) => `${e.reason} ${e.involvedObject.name}`).join(', ')}`);
      // The event created above, by watch: seconds old (an earlier run's would be minutes old).
      if (!shown.some((r) => r.warning && r.label === 'Failed' && new RegExp(`^${pull.namespace} pod/${pull.name} · \\d+s ago$`).test(r.description))) {
        throw new Error('the new Failed event is not shown');
      }
      return shown;
    }, { timeoutMs: 60_000, intervalMs: 300 });
    assert.ok(rows.some((r) => r.label === 'BackOff' && r.warning), 'the crash loop\'s BackOff');
    // Normal events are there too, without the warning icon.
    assert.ok(rows.some((r) => r.label === 'Scheduled' && !r.warning), 'a Normal Scheduled event without the warning icon');
    await shoot(s, 'explorer-events', await eventsViewRect(page));
  } finally {
    await kubectl.run(['delete', 'event', eventName, '-n', pull.namespace, '--ignore-not-found']);
  }
  await setViewExpanded(page, 'Events', false);
});

uiTest('logs of a Deployment: both replicas\' lines with their pod/container prefixes, and a new line from each', async (s) => {
  const { page } = s.cs;
  await showSeededPods(s);
  const replicas = s.cluster.pods.filter((p) => p.key === 'deployment');
  assert.equal(replicas.length, 2);
  await contextMenu(treeRow(page, replicas[0].name, 3), 'Show Logs of Owner Workload (Deployment, Job…)');
  await activeTab(page, 'deployment.web.all-containers.log').waitFor();
  await waitForPrefixedLogs(s, replicas.map((p) => ({ prefix: `[pod/${p.name}/nginx] `, logs: [p.name, '-n', p.namespace, '-c', 'nginx'] })));

  // Both replicas serve one log file here, so a line appended to it is streamed by each pod, under its own prefix.
  const line = `GET /api/orders 200 12ms e2e-${randomUUID().slice(0, 8)}`;
  s.cluster.appendLog('demo', replicas[0].name, 'nginx', line);
  for (const p of replicas) await waitForEditorLine(page, (l) => l === `[pod/${p.name}/nginx] ${line}`, `the new line from ${p.name}`);
  await page.locator('.part.statusbar .statusbar-item', { hasText: `deployment/web: following ${replicas.length} stream(s) of ${replicas.length} pod(s)` }).waitFor();
  await hidePart(page, 'panel');
  await shoot(s, 'explorer-workload-logs');
});

uiTest('JSON log lines read as time LEVEL message key=value; Toggle JSON Log Rendering shows them as kubectl prints them', async (s) => {
  const { page } = s.cs;
  const pod = await scratchPod(s, 'e2e-json');
  const t = (ago: number) => new Date(Date.now() - ago * 1000).toISOString();
  const records = [
    { ts: t(9), level: 'info', msg: 'server started', addr: ':8080', version: '1.4.2' },
    { ts: t(7), level: 'info', msg: 'request served', method: 'GET', path: '/api/orders', status: 200, duration_ms: 12 },
    { ts: t(5), level: 'warn', msg: 'slow query', table: 'orders', duration_ms: 870 },
    { ts: t(3), level: 'error', msg: 'payment provider unreachable', provider: 'stripe', retry_in: '5s', attempt: 3 },
  ];
  const plainLine = 'plain text stays as written: GET /healthz 200';
  s.cluster.appendLog('demo', pod, pod, [...records.map((r) => JSON.stringify(r)), plainLine].join('\n'));
  const expected = [
    `${records[0].ts} INFO  server started addr=:8080 version=1.4.2`,
    `${records[1].ts} INFO  request served method=GET path=/api/orders status=200 duration_ms=12`,
    `${records[2].ts} WARN  slow query table=orders duration_ms=870`,
    `${records[3].ts} ERROR payment provider unreachable provider=stripe retry_in=5s attempt=3`,
    plainLine,
  ];

  await showSeededPods(s);
  await contextMenu(treeRow(page, pod, 3), 'Show Logs');
  await activeTab(page, `${pod}.${pod}.log`).waitFor();
  const shown = await waitForEditorLine(page, (l) => l === plainLine, 'the plain line after the records');
  const at = shown.indexOf(expected[0]);
  assert.deepEqual(shown.slice(at, at + expected.length), expected);
  // Room for whole records in the picture (the next test's showSeededPods opens the side bar again).
  await hidePart(page, 'panel');
  await hidePart(page, 'sidebar');
  // Only the editor's top, down to just below the last line: the rest of the window is empty.
  const editor = await page.locator('.part.editor').boundingBox();
  const last = await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: plainLine }).boundingBox();
  assert.ok(editor && last);
  await shoot(s, 'explorer-json-logs', { x: editor.x, y: editor.y, width: editor.width, height: last.y + 2 * last.height - editor.y });

  await editorTitleAction(page, 'Toggle JSON Log Rendering');
  const raw = (await s.cluster.kubectl.ok(['logs', pod, '-n', 'demo', '--tail=5'])).trimEnd().split('\n');
  assert.deepEqual(raw, [...records.map((r) => JSON.stringify(r)), plainLine], 'kubectl prints the lines as written');
  const rawShown = await waitForEditorLine(page, (l) => l === raw[0], 'the first record as written');
  const from = rawShown.indexOf(raw[0]);
  assert.deepEqual(rawShown.slice(from, from + raw.length), raw);
});

uiTest('Debug Container… adds a debugger targeting the app and attaches a terminal to it', async (s) => {
  const { page } = s.cs;
  const { cluster } = s;
  const pod = await scratchPod(s, 'e2e-debug');
  await contextMenu(treeRow(page, pod, 3), 'Debug Container…');
  await pickQuickItem(page, 'busybox:1.36');
  await answerInputBox(page, 'command (optional)', '');
  await waitForTerminalRow(page, (r) => r.includes('If you don\'t see a command prompt, try pressing enter.'), 'the attach hint');

  interface Ephemeral { name: string; image: string; targetContainerName?: string; stdin?: boolean; tty?: boolean }
  const added = JSON.parse(await cluster.kubectl.ok(['get', 'pod', pod, '-n', 'demo', '-o', 'jsonpath={.spec.ephemeralContainers}'])) as Ephemeral[];
  assert.equal(added.length, 1);
  const debuggerName = added[0].name;
  assert.match(debuggerName, /^debugger-[a-z0-9]{5}$/);
  assert.deepEqual([added[0].image, added[0].targetContainerName, added[0].stdin, added[0].tty], ['busybox:1.36', pod, true, true]);

  // kwok plays the runtime: the debugger's "main process" output is what its attach streams, from when it attached.
  const line = `podscope e2e: printed by ${debuggerName} ${randomUUID().slice(0, 8)}`;
  const poke = setInterval(() => cluster.appendLog('demo', pod, debuggerName, line), 500);
  try {
    await waitForTerminalRow(page, (r) => r === line, 'the debugger\'s output');
  } finally {
    clearInterval(poke);
  }
  await page.locator('.part.panel', { hasText: `debug ${pod}/${debuggerName}` }).first().waitFor();
  await expandRow(treeRow(page, pod, 3));
  await treeRow(page, debuggerName, 4).filter({ hasText: 'ephemeral' }).waitFor();
  // The picture is of the tree and the terminal, which gets the editors' room.
  await runCommand(page, 'View: Toggle Maximized Panel');
  // The terminal says its new size (`94 x 45`) in an overlay for a moment after the resize; not in the picture.
  const sizeOverlay = page.locator('.terminal-resize-overlay.visible');
  await sizeOverlay.waitFor({ timeout: 5_000 }).catch(() => undefined);
  await sizeOverlay.waitFor({ state: 'detached' });
  await shoot(s, 'explorer-debug');
  await runCommand(page, 'View: Toggle Maximized Panel');
});
