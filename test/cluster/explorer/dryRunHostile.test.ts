// Hostile manifests against the real API server: values no API path can hold are refused before any request; names a
// path can hold reach the pod collection escaped and are judged by the server itself (its own Invalid value
// message at metadata.name); and after the whole file nothing in the cluster has changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterDryRunTransport } from '../../../client/src/kube/dryRun/clusterDryRunTransport';
import { dryRunManifest } from '../../../client/src/kube/dryRun/dryRunValidate';
import { useCluster } from './clusterFixture';

const fixture = useCluster('hostile dry-run tests');

const pod = (apiVersion: string, name: string) =>
  `apiVersion: ${JSON.stringify(apiVersion)}\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  containers:\n  - name: app\n    image: nginx\n`;

test('hostile manifests on the real API server: refused, or judged by it; nothing is written', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const state = () => c.kubectl.ok(['get', 'pods,secrets,configmaps', '-n', 'demo', '-o', 'name']);
  const before = await state();
  const text = [
    pod('v1#x', 'podscope-hostile-a'),
    pod('v1?dryRun=&x=', 'podscope-hostile-b'),
    pod('v1', '../podscope-hostile-c'),
    pod('v1', 'podscope-hostile-d#frag'),
    pod('v1', 'podscope-hostile-e?dryRun='),
    pod('v1', 'podscope-hostile-ünï'),
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: podscope-hostile-secret\nstringData:\n  password: not-stored\n',
  ].join('---\n');
  const results = await dryRunManifest(text, clusterDryRunTransport(fixture.api(c.kubeconfig)), 'demo');
  const at = (i: number) => results[i].findings.map((f) => `${text.slice(f.start, f.end)} → ${f.message}`);

  for (const i of [0, 1, 2]) {
    assert.equal(results[i].outcome, 'rejected');
    assert.equal(results[i].operation, undefined, 'refused before any request');
    assert.match(at(i)[0], /\(not sent to the cluster\)$/);
  }
  for (const [i, name] of [[3, 'podscope-hostile-d#frag'], [4, 'podscope-hostile-e?dryRun='], [5, 'podscope-hostile-ünï']] as const) {
    assert.equal(results[i].outcome, 'rejected');
    assert.equal(results[i].operation, 'create');
    // The server's own check of the name: the request reached the pods collection with the name intact.
    assert.equal(at(i)[0], `${JSON.stringify(name)} → metadata.name: Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`);
  }
  assert.equal(results[6].outcome, 'accepted', 'a valid Secret passes the dry run');
  assert.equal(await state(), before, 'the dry run stored nothing');
});
