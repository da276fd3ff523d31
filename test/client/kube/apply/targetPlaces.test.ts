// Where Apply, Create and Delete say the objects go: the namespace each request is sent to — the manifest's own
// metadata.namespace, else the default the command was given — never the default alone (with the Pods tree on "all
// namespaces" the default is "default", while a manifest's `namespace: demo` goes to demo).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestTargets, type ObjectTarget } from '../../../../client/src/kube/apply/manifestTargets';
import { deleteQuestion } from '../../../../client/src/kube/apply/deleteObjects';
import { targetPlaces } from '../../../../client/src/kube/apply/targetPlaces';
import type { DryRunTransport } from '../../../../client/src/kube/dryRun/dryRunValidate';

const transport: DryRunTransport = {
  resourceFor: async (_apiVersion, kind) => (kind === 'Namespace' ? { name: 'namespaces', namespaced: false } : { name: `${kind.toLowerCase()}s`, namespaced: true }),
  send: async () => { throw new Error('manifestTargets sends no object'); },
};

const object = (kind: string, name: string, namespace?: string) =>
  `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace === undefined ? '' : `  namespace: ${namespace}\n`}`;

async function targets(text: string, defaultNamespace: string): Promise<ObjectTarget[]> {
  const t = await manifestTargets(text, transport, defaultNamespace, { verb: 'apply' });
  assert.equal(t.kind, 'ok');
  return t.kind === 'ok' ? t.targets : [];
}

test('the manifest\'s own namespace is named, not the default the command was given', async () => {
  const placed = await targets(object('Pod', 'web', 'demo'), 'default');
  assert.deepEqual(placed.map((t) => t.request.namespace), ['demo']);
  assert.equal(targetPlaces('dev', placed), 'context "dev", namespace "demo"');
  assert.equal(deleteQuestion(placed, 'dev', undefined), 'Delete Pod/web (namespace "demo") from context "dev"?');
});

test('objects without a namespace are named in the default; several namespaces and cluster-scoped objects are all named', async () => {
  assert.equal(targetPlaces('dev', await targets(object('Pod', 'web'), 'team-a')), 'context "dev", namespace "team-a"');
  const mixed = await targets([object('Pod', 'a', 'demo'), object('ConfigMap', 'b'), object('Pod', 'c', 'demo'), object('Namespace', 'demo')].join('---\n'), 'default');
  assert.equal(targetPlaces('dev', mixed), 'context "dev", namespaces "demo", "default", cluster-scoped');
  assert.equal(targetPlaces('dev', await targets(object('Namespace', 'demo'), 'default')), 'context "dev", cluster-scoped');
  assert.equal(targetPlaces('dev', []), 'context "dev"', 'before the objects are known, only the context');
});
