// Credential plugins against the real API server: a plugin that returns the admin's client certificate as an
// ExecCredential gets the tree the pods kubectl sees; one that prints its environment and a token and fails gets a
// tree node naming the plugin and its exit code, and neither the node nor the process output holds a secret.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { parse, stringify } from 'yaml';
import { useCluster } from './clusterFixture';
import { contextMessage, openTree, parseKubectlPods, sortRows, treeRows } from './treeWalk';
import { until } from '../../support/until';

const fixture = useCluster('credential plugin tests');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-plugin-cluster-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The admin kubeconfig with its user replaced by an exec plugin running `script`. */
function withPlugin(kubeconfig: string, name: string, script: string): string {
  const plugin = path.join(tmp, name);
  fs.writeFileSync(plugin, `#!/bin/sh\n${script}\n`, { mode: 0o700 });
  const config = parse(fs.readFileSync(kubeconfig, 'utf8')) as { users: { user: unknown }[] };
  config.users[0].user = { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, env: [{ name: 'PLUGIN_SECRET', value: 'S3CR3T-cluster-env' }], interactiveMode: 'Never' } };
  const file = path.join(tmp, `${name}.yaml`);
  fs.writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}

test('a plugin returning a client certificate: the tree shows what kubectl shows', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const admin = parse(fs.readFileSync(c.kubeconfig, 'utf8')) as { users: { user: Record<string, string> }[] };
  const credential = JSON.stringify({
    apiVersion: 'client.authentication.k8s.io/v1',
    kind: 'ExecCredential',
    status: {
      clientCertificateData: fs.readFileSync(admin.users[0].user['client-certificate'], 'utf8'),
      clientKeyData: fs.readFileSync(admin.users[0].user['client-key'], 'utf8'),
    },
  });
  const credentialFile = path.join(tmp, 'credential.json');
  fs.writeFileSync(credentialFile, credential, { mode: 0o600 });
  const ui = openTree(withPlugin(c.kubeconfig, 'cert-plugin', `cat ${credentialFile}`), { namespace: 'demo' });
  try {
    const expected = sortRows(parseKubectlPods(await c.kubectl.ok(['get', 'pods', '-n', 'demo']), 'demo'));
    await until('the tree to equal kubectl', () => {
      const rows = treeRows(ui.model);
      return Array.isArray(rows) && rows.length === expected.length ? rows : undefined;
    });
    assert.deepEqual(sortRows(treeRows(ui.model) as never), expected);
  } finally {
    ui.dispose();
  }
});

test('a failing plugin that dumps its environment and a token: the node names it, nothing leaks', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const written: string[] = [];
  const original = { out: process.stdout.write, err: process.stderr.write };
  const tap = (stream: NodeJS.WriteStream, write: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: never[]) => { written.push(String(chunk)); return write.call(stream, chunk as string, ...rest); }) as typeof process.stdout.write;
  process.stdout.write = tap(process.stdout, original.out);
  process.stderr.write = tap(process.stderr, original.err);
  const ui = openTree(withPlugin(c.kubeconfig, 'leaky-plugin', 'env\necho "token: S3CR3T-cluster-token" >&2\nexit 7'), { namespace: 'demo' });
  try {
    const message = await until('an error node', () => {
      const m = contextMessage(ui.model);
      return m && !m.startsWith('Loading') ? m : undefined;
    });
    assert.match(message, /^Error: the credential plugin `[^`]*leaky-plugin` exited with code 7$/);
    const everything = util.inspect(ui.model.children(ui.model.children()[0]), { depth: 8 }) + written.join('');
    assert.ok(!everything.includes('S3CR3T'), 'no secret in the tree or the output');
  } finally {
    ui.dispose();
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
});
