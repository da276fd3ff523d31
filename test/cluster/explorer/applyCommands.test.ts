// The Apply, Delete and Replace commands' VS Code glue over the real cluster, with a stand-in `vscode` whose user
// answers from a script: a new object is applied without a question; a changed one asks, shows the diff (live ↔ the
// dry run's result) and applies after the answer; a change a live pod cannot take is refused with its findings, and
// Replace the Pod replaces it after a confirmation; Delete asks for the grace period and a confirmation; and with no
// context selected nothing is sent.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fake from '../../client/kube/fakes/fakeVscode';
import { useFakeVscode } from '../../client/kube/fakes/routeVscode';
import type { Cluster } from '../cluster';
import type { DryRunObjectResult } from '../../../client/src/kube/dryRun/dryRunValidate';
import { until } from '../../support/until';
import { createPodNamespace, useCluster } from './clusterFixture';

useFakeVscode();
const fixture = useCluster('apply command tests');
const namespace = `podscope-glue-${randomBytes(3).toString('hex')}`;
let made: Cluster | undefined;
after(async () => { await made?.kubectl.run(['delete', 'namespace', namespace, '--wait=false']); });

/** The cluster with this file's namespace made (by the first test that runs), or undefined when there is none. */
async function clusterWithNamespace(t: Parameters<typeof fixture.need>[0]): Promise<Cluster | undefined> {
  const c = fixture.need(t);
  if (c && !made) {
    made = c;
    await createPodNamespace(c, namespace);
  }
  return c;
}

const manifest = (image: string, restartPolicy = 'Always') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: glue\nspec:\n  restartPolicy: ${restartPolicy}\n  containers:\n  - name: app\n    image: ${image}\n`;

function editor(text: string) {
  fake.window.activeTextEditor = {
    document: { uri: { toString: () => 'file:///glue.yaml' }, getText: () => text, offsetAt: () => 0 },
    selection: { active: 0 },
  };
}

/** The commands with the tree's context and namespace (`{}`: the tree shows all namespaces). */
async function commands(c: Cluster | undefined, tree: { namespace?: string } = { namespace }) {
  const { applyCommands } = await import('../../../client/src/kube/apply/applyCommands.js');
  const diagnostics: DryRunObjectResult[][] = [];
  const documents = new Map<string, string>();
  const ctx = {
    deps: {
      apiFor: () => (c ? fixture.api(c.kubeconfig) : undefined),
      activeScope: () => (c ? { contextName: 'podscope', namespace: tree.namespace } : undefined),
    },
    clusterDiagnostics: { set: (_doc: unknown, results: DryRunObjectResult[]) => { diagnostics.push(results); } },
    documents: { put: (uri: { toString(): string }, text: string) => { documents.set(uri.toString(), text); } },
    explorer: undefined,
  } as unknown as Parameters<(typeof applyCommands)['podscope.manifest.apply']>[0];
  const run = (id: keyof typeof applyCommands, arg?: unknown) => applyCommands[id](ctx)(arg);
  return { run, diagnostics, documents };
}

async function image(c: Cluster) {
  return c.kubectl.ok(['get', 'pod/glue', '-n', namespace, '-o', 'jsonpath={.spec.containers[0].image} {.metadata.uid}']);
}

test('apply, diff, refusal, replace and delete through the commands', { timeout: 120_000 }, async (t) => {
  const c = await clusterWithNamespace(t);
  if (!c) return;
  const diffs: unknown[][] = [];
  fake.commands.registerCommand('vscode.diff', (...args) => { diffs.push(args); });
  const { run, diagnostics, documents } = await commands(c);
  const where = `(context "podscope", namespace "${namespace}")`;

  editor(manifest('nginx:1.27'));
  fake.recorded.messages.length = 0;
  await run('podscope.manifest.apply');
  assert.deepEqual(fake.recorded.messages, [`info: Podscope: Pod/glue created ${where}.`]);
  const [, uid] = (await image(c)).split(' ');

  editor(manifest('nginx:1.28'));
  fake.recorded.messages.length = 0;
  fake.recorded.answers.push((actions: string[]) => { assert.deepEqual(actions, ['Apply', 'Show Diff']); return 'Show Diff'; }, 'Apply');
  await run('podscope.manifest.apply');
  assert.deepEqual(fake.recorded.messages, [
    `info: Podscope: apply changes an existing object in context "podscope", namespace "${namespace}".`,
    `info: Podscope: review the diff, then apply Pod/glue to context "podscope", namespace "${namespace}".`,
    `info: Podscope: Pod/glue configured ${where}.`,
  ]);
  assert.equal(diffs.length, 1);
  const [left, right, title] = diffs[0] as [{ toString(): string }, { toString(): string }, string];
  assert.equal(title, 'Pod/glue: live ↔ after apply (dry run)');
  assert.match(documents.get(left.toString()) ?? '', /image: nginx:1\.27/);
  assert.match(documents.get(right.toString()) ?? '', /image: nginx:1\.28/);
  assert.equal(await image(c), `nginx:1.28 ${uid}`);

  editor(manifest('nginx:1.28', 'Never'));
  fake.recorded.messages.length = 0;
  fake.recorded.answers.push('Replace the Pod', 'Replace');
  await run('podscope.manifest.apply');
  const refusal = diagnostics.at(-2)?.[0];
  assert.deepEqual(refusal?.findings.map((f) => f.code), ['pod-update-forbidden']);
  assert.match(fake.recorded.messages[0], /^warning: Podscope: the server-side dry run refused Pod\/glue \(see Problems\); nothing was applied\. A running pod cannot take these changes; it can be replaced\.$/);
  assert.match(fake.recorded.messages[1], new RegExp(`^warning: Podscope: Replace pod "glue" in namespace "${namespace}" \\(context "podscope"\\)\\?$`));
  assert.equal(fake.recorded.messages[2], `info: Podscope: Pod/glue replaced ${where}.`);
  assert.deepEqual(diagnostics.at(-1), [], 'the findings are cleared once replaced');
  const replaced = await c.kubectl.ok(['get', 'pod/glue', '-n', namespace, '-o', 'jsonpath={.spec.restartPolicy} {.metadata.uid}']);
  assert.equal(replaced.split(' ')[0], 'Never');
  assert.notEqual(replaced.split(' ')[1], uid);

  fake.recorded.messages.length = 0;
  fake.recorded.answers.push((items: { label: string }[]) => items.find((i) => i.label === 'Force delete'), 'Delete');
  await run('podscope.manifest.delete');
  assert.deepEqual(fake.recorded.messages, [
    `warning: Podscope: Delete Pod/glue (namespace "${namespace}") from context "podscope" immediately (grace period 0)?`,
    `info: Podscope: Pod/glue deleted ${where}.`,
  ]);
  await until('the pod to be gone', async () => (await c.kubectl.run(['get', 'pod/glue', '-n', namespace])).code !== 0);
});

test('with the tree on all namespaces, the messages name the manifest\'s own namespace, where the pod goes', { timeout: 60_000 }, async (t) => {
  const c = await clusterWithNamespace(t);
  if (!c) return;
  const { run } = await commands(c, {});
  editor(manifest('nginx:1.27').replace('  name: glue\n', `  name: elsewhere\n  namespace: ${namespace}\n`));
  fake.recorded.messages.length = 0;
  await run('podscope.manifest.apply');
  assert.deepEqual(fake.recorded.messages, [`info: Podscope: Pod/elsewhere created (context "podscope", namespace "${namespace}").`]);
  await c.kubectl.ok(['get', 'pod/elsewhere', '-n', namespace]);
  fake.recorded.messages.length = 0;
  fake.recorded.answers.push((items: { label: string }[]) => items.find((i) => i.label === 'Force delete'), 'Delete');
  await run('podscope.manifest.delete');
  assert.deepEqual(fake.recorded.messages, [
    `warning: Podscope: Delete Pod/elsewhere (namespace "${namespace}") from context "podscope" immediately (grace period 0)?`,
    `info: Podscope: Pod/elsewhere deleted (context "podscope", namespace "${namespace}").`,
  ]);
});

test('no context selected: a clear message, nothing sent', async () => {
  const { run } = await commands(undefined);
  editor(manifest('nginx'));
  fake.recorded.messages.length = 0;
  await run('podscope.manifest.apply');
  await run('podscope.pods.run');
  assert.deepEqual(fake.recorded.messages, [
    'error: Podscope: no Kubernetes context is selected, so there is no cluster to apply to. Choose one in the Pods view first.',
    'error: Podscope: no Kubernetes context is selected, so there is no cluster to run a pod on. Choose one in the Pods view first.',
  ]);
});

test('Run a Pod: the new pod is selected in the tree once its watch delivers it', { timeout: 60_000 }, async (t) => {
  const c = await clusterWithNamespace(t);
  if (!c) return;
  const { openTree } = await import('./treeWalk.js');
  const { revealPod } = await import('../../../client/src/kube/apply/runPodFlow.js');
  const { runPod } = await import('../../../client/src/kube/apply/runPod.js');
  const { clusterObjectTransport } = await import('../../../client/src/kube/apply/objectTransport.js');
  const tree = openTree(c.kubeconfig, { namespace });
  t.after(() => tree.dispose());
  const [context] = tree.model.children();
  tree.model.children(context);
  const revealed: { nodeType: string; name?: string }[] = [];
  const host = { model: tree.model, treeView: { reveal: async (node: { nodeType: string; name?: string }) => { revealed.push(node); } } };
  await runPod(clusterObjectTransport(fixture.api(c.kubeconfig)), namespace, { name: 'shown', image: 'busybox' });
  const contextName = tree.connection.activeContext() ?? '';
  const found = await revealPod(host as unknown as Parameters<typeof revealPod>[0], contextName, namespace, 'shown');
  assert.equal(found, true);
  assert.deepEqual(revealed.map((n) => [n.nodeType, n.name]), [['pod', 'shown']]);
});
