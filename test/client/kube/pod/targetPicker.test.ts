// A command run by a keybinding in the Pods view gets no argument: the selected row is its target, and only when the
// selection is not a pod is the user asked to pick one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useFakeVscode } from '../fakes/routeVscode';
import { FakeCluster } from '../fakes/fakeCluster';

const vscode = useFakeVscode();

const pod = { metadata: { name: 'web', namespace: 'demo' }, spec: { containers: [{ name: 'app' }, { name: 'proxy' }] }, status: {} };
const target = { contextName: 'kind', namespace: 'demo', name: 'web', pod };

async function picker() {
  return import('../../../../client/src/kube/pod/targetPicker.js');
}

function deps(selected: unknown) {
  const api = new FakeCluster();
  return { api, deps: { apiFor: (c: string) => (c === 'kind' ? api : undefined), activeScope: () => undefined, selected: () => selected } };
}

test('no argument and a selected pod: the selected pod, nothing asked', async () => {
  const { resolvePod } = await picker();
  const { api, deps: d } = deps(target);
  vscode.recorded.answers.length = 0;
  const r = await resolvePod(undefined, d, 'Describe');
  assert.equal(r?.target, target);
  assert.equal(r?.api, api);
});

test('a selected container row names its container; a selected pod with two containers asks which', async () => {
  const { resolveContainer } = await picker();
  const onContainer = await resolveContainer(undefined, deps({ ...target, container: 'proxy' }).deps, 'Show Logs');
  assert.equal(onContainer?.container.name, 'proxy');
  vscode.recorded.answers.push((items: { label: string }[]) => items.find((i) => i.label.includes('app')));
  const asked = await resolveContainer(undefined, deps(target).deps, 'Show Logs');
  assert.equal(asked?.container.name, 'app');
});

test('an argument wins over the selection; a selection that is not a pod falls back to asking', async () => {
  const { resolvePod } = await picker();
  const other = { ...target, name: 'other' };
  assert.equal((await resolvePod(other, deps(target).deps, 'Describe'))?.target, other);
  vscode.recorded.answers.length = 0;
  vscode.recorded.messages.length = 0;
  const r = await resolvePod(undefined, deps({ nodeType: 'namespace', name: 'demo' }).deps, 'Describe');
  assert.equal(r, undefined, 'no scope to pick from: nothing chosen');
});
