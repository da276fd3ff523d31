import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { ConnectionPrefs } from '../../../../client/src/kube/cluster/connectionPrefs';
import { MemoryMemento } from '../../../cluster/explorer/treeWalk';

function kubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://c' }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'a', cluster: 'c', user: 'u' }, { name: 'b', cluster: 'c', user: 'u', namespace: 'team-b' }],
    currentContext: 'b',
  });
  return kc;
}

test('active context: remembered choice, else the kubeconfig current-context; the kubeconfig is never changed', async () => {
  const kc = kubeConfig();
  const prefs = new ConnectionPrefs(new MemoryMemento());
  assert.equal(prefs.activeContext(kc), 'b');
  await prefs.setActiveContext('a');
  assert.equal(prefs.activeContext(kc), 'a');
  assert.equal(kc.getCurrentContext(), 'b');
  await prefs.setActiveContext('deleted-since');
  assert.equal(prefs.activeContext(kc), 'b', 'a remembered context that no longer exists is ignored');
});

test('namespace: the context namespace until chosen; "all namespaces" is remembered as a choice too', async () => {
  const kc = kubeConfig();
  const memento = new MemoryMemento();
  const prefs = new ConnectionPrefs(memento);
  assert.equal(prefs.namespace(kc, 'a'), undefined);
  assert.equal(prefs.namespace(kc, 'b'), 'team-b');
  await prefs.setNamespace('b', undefined);
  assert.equal(prefs.namespace(kc, 'b'), undefined);
  await prefs.setNamespace('a', 'prod');
  // A new instance over the same storage (a restarted editor) sees the same choices.
  const again = new ConnectionPrefs(memento);
  assert.equal(again.namespace(kc, 'a'), 'prod');
  assert.equal(again.namespace(kc, 'b'), undefined);
});
