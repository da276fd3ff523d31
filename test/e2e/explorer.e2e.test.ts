// End-to-end proof of the pod explorer: Podscope's VSIX in a real VS Code (code-server) driven through Chromium,
// against the real local cluster. What the tree, the log documents, the exec terminal, the describe document and the
// Problems panel show is checked against kubectl (the reference client) or against what the test itself wrote into
// the cluster. With PODSCOPE_DOCS_IMAGES=1 it also rewrites the README screenshots docs/images/explorer-{tree,logs,exec}.png.
// Skips (with the reason) only when code-server/Chromium or the cluster binaries cannot be had on this machine.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { podTable, type PodRow } from '../cluster/podTable';
import { until } from '../support/until';
import {
  activeTab, contextMenu, editorLines, expandRow, openFile, problem, readTreePods, runCommand, terminalRows, treeRow,
  waitForEditorLine, waitForTerminalRow, type TreePod,
} from './explorerSteps';
import { shoot, showSeededPods, useExplorerSession, waitForPrefixedLogs } from './explorerSession';

/** The manifest for "Validate Against the Cluster": valid except for the container name on line 7. */
const BAD_CONTAINER_FILE = 'bad-container-name.yaml';
const BAD_CONTAINER_YAML = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: e2e-validate',
  'spec:',
  '  containers:',
  '    - name: Web_Server',
  '      image: nginx:1.27',
  '',
].join('\n');

const { uiTest } = useExplorerSession('explorer e2e tests', { [BAD_CONTAINER_FILE]: BAD_CONTAINER_YAML });

function statusDiffs(pods: { namespace: string; name: string }[], table: PodRow[], tree: TreePod[]): string[] {
  return pods.flatMap((p) => {
    const k = table.find((r) => r.namespace === p.namespace && r.name === p.name);
    const v = tree.find((r) => r.namespace === p.namespace && r.name === p.name);
    if (!k) return [`${p.namespace}/${p.name}: kubectl does not list it`];
    if (!v) return [`${p.namespace}/${p.name}: not in the tree`];
    return v.status === k.status ? [] : [`${p.namespace}/${p.name}: tree says "${v.status}", kubectl says "${k.status}"`];
  });
}

uiTest('the Pods tree shows every seeded pod with the STATUS kubectl get pods -A prints', async (s) => {
  await showSeededPods(s);
  // Polled because both sides move (crashloop restarts every few seconds): the tree and a fresh kubectl table
  // must agree on every seeded pod at one moment.
  const table = await until('the tree and kubectl to agree on every seeded pod', async () => {
    const [rows, tree] = await Promise.all([podTable(s.cluster.kubectl), readTreePods(s.cs.page)]);
    const diffs = statusDiffs(s.cluster.pods, rows, tree);
    if (diffs.length > 0) throw new Error(diffs.join('; '));
    return rows;
  }, { timeoutMs: 60_000, intervalMs: 300 });
  const compared = new Set(s.cluster.pods.map((p) => table.find((r) => r.namespace === p.namespace && r.name === p.name)?.status));
  for (const status of ['Running', 'CrashLoopBackOff', 'Init:0/1', 'Completed', 'ImagePullBackOff', 'Terminating']) {
    assert.ok(compared.has(status), `a pod in STATUS ${status} was compared; compared: ${[...compared].join(', ')}`);
  }
});

uiTest('a pod created with kubectl appears in the tree and disappears once deleted', async (s) => {
  const { page } = s.cs;
  const { kubectl } = s.cluster;
  await showSeededPods(s);
  const name = `e2e-explorer-${randomUUID().slice(0, 8)}`;
  s.createdPods.push(name);
  await kubectl.ok(['run', name, '-n', 'demo', '--image=ghcr.io/podscope/hello:1.0', '--restart=Never']);
  const shown = await until(`${name} in the tree with kubectl's STATUS`, async () => {
    const [rows, tree] = await Promise.all([podTable(kubectl), readTreePods(page)]);
    const diffs = statusDiffs([{ namespace: 'demo', name }], rows, tree);
    if (diffs.length > 0) throw new Error(diffs.join('; '));
    return tree.find((p) => p.name === name);
  }, { timeoutMs: 60_000, intervalMs: 300 });
  assert.equal(shown.status, 'Running');

  await kubectl.ok(['delete', 'pod', name, '-n', 'demo', '--wait=false']);
  await treeRow(page, name, 3).waitFor({ state: 'detached', timeout: 60_000 });
  // The row went because the pod is gone, not earlier: the API server no longer has it, and the namespace's pod
  // count in the tree matches kubectl's.
  assert.equal((await kubectl.ok(['get', 'pod', name, '-n', 'demo', '--ignore-not-found', '-o', 'name'])).trim(), '');
  await until('the demo namespace row to count the pods kubectl lists', async () => {
    const count = (await podTable(kubectl)).filter((r) => r.namespace === 'demo').length;
    const description = await treeRow(page, 'demo', 2).locator('.label-description').textContent();
    if (description !== `${count} pods`) throw new Error(`tree says "${description}", kubectl lists ${count}`);
    return true;
  }, { timeoutMs: 60_000, intervalMs: 300 });
});

uiTest('Describe Pod opens a describe document of the pod; screenshot of the tree', async (s) => {
  const { page } = s.cs;
  const crash = s.cluster.pod('crashloop');
  await showSeededPods(s);
  await contextMenu(treeRow(page, crash.name, 3), 'Describe Pod');
  await activeTab(page, `${crash.name}.describe`).waitFor();
  const lines = await waitForEditorLine(page, (l) => l.startsWith('Name:'), 'a Name: line');
  const field = (text: string, key: string): string | undefined =>
    text.split('\n').find((l) => l.startsWith(`${key}:`))?.slice(key.length + 1).trim();
  assert.equal(field(lines.join('\n'), 'Name'), crash.name);
  assert.equal(field(lines.join('\n'), 'Namespace'), crash.namespace);
  // The lines that do not move with the crash loop read as kubectl describe has them.
  const reference = await s.cluster.kubectl.ok(['describe', 'pod', crash.name, '-n', crash.namespace]);
  for (const key of ['Priority', 'Service Account', 'Node', 'Labels']) {
    assert.equal(field(lines.join('\n'), key), field(reference, key), `${key}: as kubectl describe shows it`);
  }

  // For the picture: a pod opened down to its containers next to the describe document.
  await expandRow(treeRow(page, 'with-sidecar', 3));
  await treeRow(page, 'log-shipper', 4).waitFor();
  await shoot(s, 'explorer-tree');
});

uiTest('logs: a pod\'s lines, an appended line streaming in, and all containers with kubectl\'s prefixes', async (s) => {
  const { page } = s.cs;
  const { kubectl } = s.cluster;
  const hello = s.cluster.pod('running');
  await showSeededPods(s);

  await contextMenu(treeRow(page, hello.name, 3), 'Show Logs');
  await activeTab(page, `${hello.name}.app.log`).waitFor();
  const tail = (await kubectl.ok(['logs', hello.name, '-n', hello.namespace, '-c', 'app', '--tail=3'])).trimEnd().split('\n');
  const shown = await waitForEditorLine(page, (l) => l === tail[2], `kubectl's last log line "${tail[2]}"`);
  assert.ok(
    shown.some((_, i) => tail.every((l, j) => shown[i + j] === l)),
    `kubectl's last three lines, in order:\n${tail.join('\n')}\nshown:\n${shown.join('\n')}`,
  );

  const line = `podscope e2e: streamed ${randomUUID()}`;
  s.cluster.appendLog(hello.namespace, hello.name, 'app', line);
  const streamed = await waitForEditorLine(page, (l) => l === line, 'the appended line');
  assert.ok(streamed.indexOf(line) > streamed.lastIndexOf(tail[2]), 'the appended line follows the earlier ones');

  const sidecar = s.cluster.pod('sidecar');
  await contextMenu(treeRow(page, sidecar.name, 3), 'Show Logs of All Containers');
  await activeTab(page, `${sidecar.name}.all-containers.log`).waitFor();
  await waitForPrefixedLogs(s, sidecar.containers.map((c) => ({ prefix: `[pod/${sidecar.name}/${c}] `, logs: [sidecar.name, '-n', sidecar.namespace, '-c', c] })));
  await shoot(s, 'explorer-logs');
});

uiTest('Open Shell runs a shell in the container and reports its exit code', async (s) => {
  const { page } = s.cs;
  const hello = s.cluster.pod('running');
  await showSeededPods(s);
  await contextMenu(treeRow(page, hello.name, 3), 'Open Shell');
  // Keystrokes reach the container only once the exec stream is up, which the prompt shows.
  await waitForTerminalRow(page, (r) => /[$#]$/.test(r), 'a shell prompt');
  await page.locator('.terminal-wrapper.active .xterm').click();
  await page.keyboard.type('echo podscope-$((6*7))');
  await page.keyboard.press('Enter');
  // The typed line holds "podscope-$((6*7))"; only the shell's output is "podscope-42".
  await waitForTerminalRow(page, (r) => r === 'podscope-42', 'the output podscope-42');
  await page.keyboard.type('exit 3');
  await page.keyboard.press('Enter');
  await waitForTerminalRow(page, (r) => r === '[podscope] command terminated with exit code 3', 'the exit code message');
  const rows = await terminalRows(page);
  assert.ok(rows.indexOf('podscope-42') < rows.indexOf('[podscope] command terminated with exit code 3'));
  await shoot(s, 'explorer-exec');
});

uiTest('Validate Against the Cluster puts the API server\'s verdict on a bad container name in Problems', async (s) => {
  const { page } = s.cs;
  await openFile(page, BAD_CONTAINER_FILE);
  await runCommand(page, 'Podscope: Validate Against the Cluster');
  const line = BAD_CONTAINER_YAML.split('\n').findIndex((l) => l.includes('Web_Server')) + 1;
  const row = await problem(page, new RegExp(
    `^Error: spec\\.containers\\[0\\]\\.name: Invalid value: "Web_Server": .* at line ${line} and character \\d+\\. generated by podscope \\(cluster\\)$`,
  ));
  assert.match(await row.innerText(), /FieldValueInvalid/);
  // The editor still shows the manifest the diagnostic belongs to.
  assert.ok((await editorLines(page)).includes('    - name: Web_Server'));
});
