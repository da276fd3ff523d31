// What the explorer tells about a running pod, in a real VS Code (code-server) against the real local cluster: the
// metrics in the Pods tree (checked against `kubectl top pod [--containers]`), the live pod details document (checked
// against `kubectl get pod`), and a port forward to a workload that switched to the replacement of its deleted pod
// (bytes through the local port, Show Port Forwards naming both pods), and a container's file opened read-only by
// Browse Container Files. With PODSCOPE_DOCS_IMAGES=1 it rewrites the README screenshots
// docs/images/{explorer-metrics,explorer-pod-details,explorer-port-forward,explorer-copy}.png.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import * as path from 'node:path';
import { clusterLayout } from '../cluster/layout';
import { echoPorts, FORWARDED_POD_PORTS } from '../cluster/portForwardRoutes';
import { EchoServer } from '../cluster/explorer/echoServer';
import { until } from '../support/until';
import { freePort } from './codeServer';
import {
  activeTab, answerInputBox, contextMenu, editorLines, expandRow, hideNotifications, hidePart, notification, pickQuickItem,
  readTreeContainers, readTreePods, runCommand, treeRow, waitForEditorLine, widenSidebar,
} from './explorerSteps';
import { shoot, showSeededPods, useExplorerSession, type Session } from './explorerSession';

const escapeRegExp = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const USAGE_POD = 'e2e-usage';
/** Each container's request and limit (millicores, MiB) and the usage kwok simulates for it (its annotations). */
const CONTAINERS = {
  app: { cpu: { req: 50, lim: 200 }, mem: { req: 64, lim: 128 }, usage: ['12m', '30Mi'] },
  sidecar: { cpu: { req: 20 }, mem: { req: 16 }, usage: ['7m', '10Mi'] },
} as const;

function usagePod(): object {
  const annotations = Object.fromEntries(Object.entries(CONTAINERS).flatMap(([c, { usage: [cpu, mem] }]) => [
    [`usage.podscope.test/cpu.${c}`, cpu], [`usage.podscope.test/memory.${c}`, mem],
  ]));
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: USAGE_POD, namespace: 'demo', annotations },
    spec: {
      containers: Object.entries(CONTAINERS).map(([name, s]) => {
        const cpu = s.cpu as { req: number; lim?: number };
        const mem = s.mem as { req: number; lim?: number };
        const limits = { ...(cpu.lim ? { cpu: `${cpu.lim}m` } : {}), ...(mem.lim ? { memory: `${mem.lim}Mi` } : {}) };
        return { name, image: 'ghcr.io/podscope/hello:1.0', resources: { requests: { cpu: `${cpu.req}m`, memory: `${mem.req}Mi` }, limits } };
      }),
    },
  };
}

const FORWARDED = 'e2e-fwd';
const forwardedDeployment = {
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: FORWARDED, namespace: 'demo' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: FORWARDED } },
    template: {
      metadata: { labels: { app: FORWARDED } },
      spec: { containers: [{ name: 'app', image: 'echo:1', ports: [{ name: 'http', containerPort: FORWARDED_POD_PORTS.http }] }] },
    },
  },
};

// The workbench is ready once its Explorer lists a file; the usage pod's manifest is one to list.
const { uiTest } = useExplorerSession(
  'explorer insight e2e tests',
  { [`${USAGE_POD}.json`]: `${JSON.stringify(usagePod(), null, 2)}\n` },
  // No highlighted word under the cursor in the details picture.
  { 'editor.occurrencesHighlight': 'off', 'editor.selectionHighlight': false },
);

/** The usage pod, created once (metrics-server needs a scrape or two before it has figures for it). */
async function ensureUsagePod(s: Session): Promise<void> {
  if (!s.createdPods.includes(USAGE_POD)) {
    s.createdPods.push(USAGE_POD);
    await s.cluster.kubectl.ok(['delete', 'pod', USAGE_POD, '-n', 'demo', '--ignore-not-found', '--grace-period=0', '--force']);
    await s.cluster.kubectl.apply([usagePod()]);
  }
  await showSeededPods(s);
}

interface Figures { cpu: number; mem: number }

/** `kubectl top pod` and `--containers` for the usage pod; undefined until metrics-server has it. */
async function kubectlTop(s: Session): Promise<{ pod: Figures; containers: Record<string, Figures> } | undefined> {
  const [pod, containers] = await Promise.all([
    s.cluster.kubectl.run(['top', 'pod', USAGE_POD, '-n', 'demo', '--no-headers']),
    s.cluster.kubectl.run(['top', 'pod', USAGE_POD, '-n', 'demo', '--containers', '--no-headers']),
  ]);
  if (pod.code !== 0 || containers.code !== 0) return undefined;
  const figures = (cpu: string, mem: string): Figures => ({ cpu: Number(cpu.replace(/m$/, '')), mem: Number(mem.replace(/Mi$/, '')) });
  const [, cpu, mem] = pod.stdout.trim().split(/\s+/);
  const rows = containers.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/));
  return { pod: figures(cpu, mem), containers: Object.fromEntries(rows.map(([, name, c, m]) => [name, figures(c, m)])) };
}

/** A container row's `cpu 12m (24% req, 6% lim) · mem 30Mi (47% req, 23% lim)`, read back. */
function readContainerUsage(description: string): Figures & { cpuShares: string; memShares: string } {
  const m = /cpu (\d+)m \(([^)]*)\) · mem (\d+)Mi \(([^)]*)\)$/.exec(description);
  assert.ok(m, `no usage with shares in "${description}"`);
  return { cpu: Number(m[1]), cpuShares: m[2], mem: Number(m[3]), memShares: m[4] };
}

const shares = (used: number, b: { req: number; lim?: number }): string =>
  [`${Math.round((used / b.req) * 100)}% req`, ...(b.lim ? [`${Math.round((used / b.lim) * 100)}% lim`] : [])].join(', ');

uiTest('the Pods tree shows kubectl top\'s figures: the pod\'s sum on its row, each container\'s with its shares', async (s) => {
  const { page } = s.cs;
  await ensureUsagePod(s);
  await widenSidebar(page, 720);
  await expandRow(treeRow(page, USAGE_POD, 3));
  // kubectl top before and after reading the tree: equal twice, the tree read lies within one scrape.
  const seen = await until('the tree\'s figures to equal kubectl top\'s, read around them', async () => {
    const before = await kubectlTop(s);
    const row = (await readTreePods(page)).find((p) => p.name === USAGE_POD);
    const containers = await readTreeContainers(page, USAGE_POD);
    const after = await kubectlTop(s);
    if (!before || !row || JSON.stringify(before) !== JSON.stringify(after)) return undefined;
    const pod = /· cpu (\d+)m · mem (\d+)Mi$/.exec(row.description);
    if (!pod || Number(pod[1]) !== before.pod.cpu || Number(pod[2]) !== before.pod.mem) return undefined;
    for (const [name, top] of Object.entries(before.containers)) {
      const shown = containers.get(name);
      if (!shown || !/\)$/.test(shown)) return undefined;
      const u = readContainerUsage(shown);
      if (u.cpu !== top.cpu || u.mem !== top.mem) return undefined;
    }
    return { top: before, containers };
  }, { timeoutMs: 150_000, intervalMs: 1_000 });
  assert.deepEqual(Object.keys(seen.top.containers).sort(), Object.keys(CONTAINERS));
  for (const [name, spec] of Object.entries(CONTAINERS)) {
    const u = readContainerUsage(seen.containers.get(name)!);
    // The shares are of the figures shown, against the spec's request and limit.
    assert.equal(u.cpuShares, shares(u.cpu, spec.cpu), `${name} cpu shares`);
    assert.equal(u.memShares, shares(u.mem, spec.mem), `${name} memory shares`);
  }
  // The tree from its top down to the usage pod's last container.
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  const last = await treeRow(page, 'sidecar', 4).first().boundingBox();
  assert.ok(sidebar && last);
  await shoot(s, 'explorer-metrics', { x: sidebar.x, y: sidebar.y, width: sidebar.width, height: last.y + last.height + 1 - sidebar.y });
});

uiTest('Show Pod Details (Ctrl+Alt+Enter) opens a live document with kubectl\'s node, IPs and QoS, usage and events', async (s) => {
  const { page } = s.cs;
  const { kubectl } = s.cluster;
  await ensureUsagePod(s);
  await treeRow(page, USAGE_POD, 3).click();
  await page.keyboard.press('Control+Alt+Enter');
  await activeTab(page, `${USAGE_POD}.details`).waitFor();
  const lines = await waitForEditorLine(page, (l) => /^ {2}Pod\s+cpu \d+m/.test(l), 'the pod\'s resource usage');
  const field = (name: string): string => {
    const line = lines.find((l) => l.startsWith(`${name}:`));
    assert.ok(line, `no ${name} line in:\n${lines.join('\n')}`);
    return line.slice(name.length + 1).trim();
  };
  const live = JSON.parse(await kubectl.ok(['get', 'pod', USAGE_POD, '-n', 'demo', '-o', 'json'])) as {
    spec: { nodeName: string }; status: { podIPs: { ip: string }[]; hostIP?: string; qosClass: string };
  };
  assert.match(lines[0], new RegExp(`^Pod demo/${USAGE_POD} · context ${s.contextName} · live`));
  assert.equal(field('Node'), live.spec.nodeName);
  assert.equal(field('Pod IPs'), live.status.podIPs.map((p) => p.ip).join(', '));
  assert.equal(field('Host IP'), live.status.hostIP ?? '<none>', 'kwok sets no host IP');
  assert.equal(field('QoS Class'), live.status.qosClass);
  assert.equal(live.status.qosClass, 'Burstable');
  for (const name of Object.keys(CONTAINERS)) assert.ok(lines.some((l) => l.trimEnd() === `  ${name}:`), `container ${name} listed`);
  assert.ok(lines.includes('Resource Usage (metrics.k8s.io):'));
  // The same figures the tree shows, per container with its shares.
  const top = await until('kubectl top of the pod', () => kubectlTop(s));
  const appLine = lines.find((l) => /^ {2}app\s+cpu/.test(l));
  assert.ok(appLine);
  assert.equal(readContainerUsage(appLine).mem, top.containers.app.mem);
  assert.ok(lines.some((l) => /^ {2}Ready\s+True/.test(l)), 'the Ready condition');
  await waitForEditorLine(page, (l) => /^ {2}\d+\w+ ago\s+Normal\s+Scheduled\s/.test(l), 'the Scheduled event');
  // The document alone, as wide as its longest line (an event's message) and down to its last line.
  await hidePart(page, 'panel');
  await hidePart(page, 'sidebar');
  const editor = await page.locator('.part.editor').boundingBox();
  // The line's text span: the line element itself is as wide as Monaco's scroll width.
  const end = await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'Successfully assigned' }).locator('span').first().boundingBox();
  assert.ok(editor && end);
  await shoot(s, 'explorer-pod-details', { x: editor.x, y: editor.y, width: Math.min(editor.width, end.x + end.width + 24 - editor.x), height: end.y + 2 * end.height - editor.y });
});

/** Sends bytes on a new connection to the local port; resolves once they all came back. */
function roundTrip(port: number, payload: Buffer, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    let back = Buffer.alloc(0);
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no echo within ${timeoutMs} ms`)); }, timeoutMs);
    socket.on('data', (d: Buffer) => {
      back = Buffer.concat([back, d]);
      if (back.length < payload.length) return;
      clearTimeout(timer);
      socket.end();
      if (back.equals(payload)) resolve();
      else reject(new Error('the echo differs from what was sent'));
    });
    socket.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

/** The Deployment's running pods, not being deleted. */
async function forwardedPods(s: Session): Promise<string[]> {
  const list = await s.cluster.kubectl.json<{ items: { metadata: { name: string; deletionTimestamp?: string }; status: { phase?: string } }[] }>(
    ['get', 'pods', '-n', 'demo', '-l', `app=${FORWARDED}`]);
  return list.items.filter((p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running').map((p) => p.metadata.name);
}

/** HH:MM:SS in local time, as the extension prints a switch. */
const clock = (ms: number): string => {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
};

uiTest('Port Forward to Owner Workload follows the replacement of a deleted pod; Show Port Forwards names both', async (s) => {
  const { page } = s.cs;
  const { kubectl } = s.cluster;
  const ports = echoPorts(clusterLayout());
  const echo = await EchoServer.listen(ports.http, 'pod port 8080');
  try {
    await kubectl.apply([forwardedDeployment]);
    await kubectl.ok(['rollout', 'status', '-n', 'demo', `deployment/${FORWARDED}`, '--timeout=60s']);
    const [first] = await until('the Deployment\'s pod running', async () => ((await forwardedPods(s)).length === 1 ? forwardedPods(s) : undefined));
    await showSeededPods(s);
    await contextMenu(treeRow(page, first, 3), 'Port Forward to Owner Workload…');
    await pickQuickItem(page, 'http');
    const local = await freePort();
    await answerInputBox(page, 'Local port on', String(local));
    await notification(page, new RegExp(`forwarding 127\\.0\\.0\\.1:${local} → demo/deployment/${FORWARDED}:http`));
    await hideNotifications(page);
    const accepted = echo.accepted;
    await roundTrip(local, randomBytes(4096));
    assert.equal(echo.accepted, accepted + 1, 'the connection went through kwok to pod port 8080');

    const deletedAt = Date.now();
    await kubectl.ok(['delete', 'pod', first, '-n', 'demo', '--wait=false']);
    const second = await until('a connection through the local port to reach the replacement', async () => {
      const now = (await forwardedPods(s)).filter((p) => p !== first);
      if (now.length !== 1) return undefined;
      await roundTrip(local, randomBytes(1024), 3_000);
      return now[0];
    }, { timeoutMs: 60_000, intervalMs: 200 });
    const reachedAt = Date.now();

    await runCommand(page, 'Podscope: Show Port Forwards…');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: `demo/deployment/${FORWARDED}:http` }).first();
    const text = (await until('the forward\'s row to name the new pod', async () => {
      const t = (await row.innerText()).replace(/\u00a0/g, ' ');
      return t.includes(`→ ${second} (was ${first}, switched `) ? t : undefined;
    })).replace(/\s+/g, ' ');
    const switched = /\(was \S+, switched (\d\d:\d\d:\d\d)\)/.exec(text)?.[1];
    const possible = new Set<string>();
    for (let t = deletedAt - 1_000; t <= reachedAt + 1_000; t += 500) possible.add(clock(t));
    assert.ok(switched && possible.has(switched), `switched at ${switched}, between the deletion and the first connection to ${second}`);
    assert.ok(text.includes(`127.0.0.1:${local} → demo/deployment/${FORWARDED}:http`), text);
    assert.ok(text.includes(`switches: ${first} → ${second} at ${switched}`), text);
    // The picker is narrower than the row: wide enough for the whole status in the picture.
    const width = 1100;
    const left = ((page.viewportSize()?.width ?? width) - width) / 2;
    await page.locator('.quick-input-widget').evaluate((el, box) => {
      el.setAttribute('style', `${el.getAttribute('style') ?? ''}; width: ${box.width}px; left: ${box.left}px`);
    }, { width, left });
    await shoot(s, 'explorer-port-forward', page.locator('.quick-input-widget'));
    await pickQuickItem(page, 'Stop all');
  } finally {
    await kubectl.run(['delete', 'deployment', FORWARDED, '-n', 'demo', '--ignore-not-found']);
    await echo.close();
  }
});

uiTest('Browse Container Files… walks the container\'s folders and opens a file read-only, as the container has it', async (s) => {
  const { page } = s.cs;
  const { kubectl } = s.cluster;
  // kwok runs exec on this host in its sandbox folder: the "container's" files are files here.
  const folder = path.join(clusterLayout().execSandbox, `browse-${randomUUID().slice(0, 8)}`);
  const file = path.join(folder, 'app.conf');
  const text = ['# written by the e2e test into the container', 'listen: 0.0.0.0:8080', 'log_level: info', `token: ${randomUUID()}`, ''].join('\n');
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, text);
  const pod = `e2e-files-${randomUUID().slice(0, 5)}`;
  s.createdPods.push(pod);
  try {
    await kubectl.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: 'demo' }, spec: { containers: [{ name: 'app', image: 'files:1' }] } }]);
    await showSeededPods(s);
    await until(`${pod} running in the tree`, async () => (await readTreePods(page)).find((p) => p.name === pod && p.status === 'Running'), { timeoutMs: 60_000, intervalMs: 300 });
    await contextMenu(treeRow(page, pod, 3), 'Browse Container Files…');
    // One folder at a time from /, each picked from the listing of the one before (titled pod/container:dir).
    const widget = page.locator('.quick-input-widget');
    const segments = file.split('/').filter(Boolean);
    for (const [i, name] of segments.entries()) {
      const dir = `/${segments.slice(0, i).join('/')}`;
      await widget.locator('.quick-input-title', { hasText: new RegExp(`^${pod}/app:${escapeRegExp(dir)}$`) }).waitFor();
      await widget.locator('.quick-input-box input').fill(name);
      await widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}$`) }) }).first().click();
    }
    await activeTab(page, 'app.conf').waitFor();
    const lines = await waitForEditorLine(page, (l) => l.startsWith('token: '), 'the file\'s last line');
    assert.deepEqual(lines.slice(0, 4), text.split('\n').slice(0, 4), 'the file as the container has it');
    // Read-only: typing changes nothing, and the editor says why.
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await page.keyboard.type('x');
    await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor();
    assert.deepEqual((await editorLines(page)).slice(0, 4), text.split('\n').slice(0, 4));
    assert.equal(readFileSync(file, 'utf8'), text);
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor-overlaymessage').waitFor({ state: 'hidden' });
    // The editor alone (tab with its lock, breadcrumbs of the container path, the file), down past its last line.
    await hidePart(page, 'panel');
    await hidePart(page, 'sidebar');
    const editor = await page.locator('.part.editor').boundingBox();
    const last = await page.locator('.editor-group-container.active .monaco-editor .view-line', { hasText: 'token: ' }).boundingBox();
    assert.ok(editor && last);
    await shoot(s, 'explorer-copy', { x: editor.x, y: editor.y, width: Math.min(editor.width, 760), height: last.y + 3 * last.height - editor.y });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

// Last in this file: the window reloads.
uiTest('a log view restored with a reloaded window opens and says its stream ended', async (s) => {
  const { page } = s.cs;
  await ensureUsagePod(s);
  await contextMenu(treeRow(page, USAGE_POD, 3), 'Show Logs of All Containers');
  await activeTab(page, `${USAGE_POD}.all-containers.log`).waitFor();
  // VS Code asks for the log view's file system while the window opens, before the pod explorer has started. Its own
  // reload (not the browser's) saves the open editors first.
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  await activeTab(page, `${USAGE_POD}.all-containers.log`).waitFor({ timeout: 60_000 });
  await waitForEditorLine(page, (l) => l.startsWith('This log view ended when its window closed.'), 'the ended log view\'s note');
  assert.equal(await page.locator('.editor-group-container.active .monaco-editor').count(), 1, 'an editor, not an error page');
});
