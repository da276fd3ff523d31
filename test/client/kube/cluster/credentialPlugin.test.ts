// Real credential plugins (shell scripts named by a kubeconfig's users[].user.exec) that print secrets the wrong way:
// a raw token, a token and log lines, their environment on failure, garbage, JSON that is not an ExecCredential.
// Whatever path the failure takes (tree list and watch, raw API request of the dry run, log stream, the explorer's
// tree nodes), the user sees which plugin failed and how, and no secret appears in any message, error property, tree
// node, or anything written to the console or the process's output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import Module from 'node:module';
import type * as vscodeTypes from 'vscode';
import { PassThrough } from 'node:stream';
import * as fake from '../fakes/fakeVscode';
import { MemoryMemento } from '../../../cluster/explorer/treeWalk';
import { until } from '../../../support/until';
import { createClusterApi } from '../../../../client/src/kube/cluster/clusterApi';
import { describeConnectionError, problemLabel } from '../../../../client/src/kube/cluster/connectionError';
import { kubeconfigSource, loadKubeconfig } from '../../../../client/src/kube/cluster/kubeconfig';
import { parseCredential, SafeExecAuth } from '../../../../client/src/kube/cluster/credentialPlugin';

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fake : originalLoad.call(this, request, ...rest);
};
after(() => { loader._load = originalLoad; });

// Every secret a plugin prints, gets in its environment or arguments starts with this, so even a truncated quote of
// one (JSON.parse quotes the first few characters) is caught.
const SECRET_MARK = 'S3CR3T';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-plugins-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function plugin(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

interface Case { name: string; script: string; expect: RegExp }

const CASES: Case[] = [
  { name: 'raw-token', script: 'echo S3CR3T-raw-1111', expect: /did not return valid ExecCredential JSON$/ },
  {
    name: 'token-and-log',
    script: 'echo \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"S3CR3T-json-2222"}}\'\necho "refreshed token S3CR3T-log-3333"\necho "debug: S3CR3T-stderr-7777" >&2',
    expect: /did not return valid ExecCredential JSON$/,
  },
  { name: 'env-on-failure', script: 'env\nenv >&2\necho "login failed for S3CR3T-stderr-7777" >&2\nexit 1', expect: /exited with code 1$/ },
  { name: 'garbage', script: 'printf \'password=S3CR3T-garbage-5555\\n\\001\\377{{\'', expect: /did not return valid ExecCredential JSON$/ },
  { name: 'json-string', script: 'echo \'"S3CR3T-string-6666"\'', expect: /did not return valid ExecCredential JSON$/ },
  { name: 'not-found', script: '', expect: /could not be started \(ENOENT\)$/ },
];

let server: http.Server;
let port = 0;
const requests: { url: string; authorization?: string }[] = [];
before(async () => {
  server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function kubeconfigFor(c: Case): string {
  const command = c.name === 'not-found' ? path.join(dir, 'no-such-plugin') : plugin(c.name, c.script);
  const file = path.join(dir, `${c.name}.kubeconfig`);
  fs.writeFileSync(file, [
    'apiVersion: v1', 'kind: Config',
    'clusters:', '- name: c', '  cluster:', `    server: http://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
    'users:', '- name: u', '  user:', '    exec:', '      apiVersion: client.authentication.k8s.io/v1',
    `      command: ${command}`, '      args: ["--password", "S3CR3T-arg-8888"]',
    '      env:', '      - name: PLUGIN_PASSWORD', '        value: S3CR3T-env-4444', '      interactiveMode: Never',
    'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u', '    namespace: team',
    'current-context: dev',
  ].join('\n'));
  return file;
}

/** Everything the process writes to its console and output streams while `fn` runs. */
async function capturingOutput<T>(fn: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write, log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
  const record = (...args: unknown[]) => { chunks.push(util.format(...args)); };
  // Passed on as well: the test runner reports through this process's stdout.
  process.stdout.write = ((c: unknown, ...rest: never[]) => { chunks.push(String(c)); return saved.out.call(process.stdout, c as string, ...rest); }) as typeof process.stdout.write;
  process.stderr.write = ((c: unknown, ...rest: never[]) => { chunks.push(String(c)); return saved.err.call(process.stderr, c as string, ...rest); }) as typeof process.stderr.write;
  Object.assign(console, { log: record, error: record, warn: record, info: record, debug: record });
  try {
    return { value: await fn(), output: chunks.join('') };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn, info: saved.info, debug: saved.debug });
  }
}

/** Every way an error can be turned into text: its message, stack, own properties, inspection and JSON. */
function allTextOf(err: unknown): string {
  let json = '';
  try { json = JSON.stringify(err, Object.getOwnPropertyNames(err ?? {})); } catch { /* circular: inspect covers it */ }
  return [String(err), (err as Error)?.stack ?? '', util.inspect(err, { depth: 6, showHidden: true }), json].join('\n');
}

function assertNoSecret(text: string, where: string): void {
  assert.ok(!text.includes(SECRET_MARK), `${where} contains a secret:\n${text}`);
}

function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => assert.fail('expected the request to fail'), (err: unknown) => err);
}

for (const c of CASES) {
  test(`credential plugin "${c.name}": a clear message naming the plugin, no secret anywhere`, async () => {
    const file = kubeconfigFor(c);
    const before = requests.length;
    const { value: errors, output } = await capturingOutput(async () => {
      const load = loadKubeconfig(kubeconfigSource(file));
      assert.equal(load.kind, 'loaded');
      if (load.kind !== 'loaded') return [];
      const api = createClusterApi(load.kubeConfig, 'dev');
      const list = await rejection(api.listPods({ namespace: 'team' }));
      const watch = await new Promise<unknown>((resolve) => {
        api.watchPods({ namespace: 'team', resourceVersion: '1' }, { onEvent: () => resolve(new Error('an event arrived')), onDone: resolve });
      });
      const raw = await rejection(api.request('/api/v1'));
      const logs = await rejection(api.logStreamer().log('team', 'web', 'app', new PassThrough(), { follow: true }));
      return [list, watch, raw, logs];
    });
    assert.equal(errors.length, 4);
    for (const [i, err] of errors.entries()) {
      const where = ['listPods', 'watchPods', 'apiRequest', 'Log'][i];
      const label = problemLabel(describeConnectionError(err));
      const command = c.name === 'not-found' ? 'no-such-plugin' : c.name;
      assertNoSecret(label, `${where}'s label`);
      assert.match(label, new RegExp(`^Error: the credential plugin \`[^\`]*${command}\` `), `${where}: ${label}`);
      assert.match(label, c.expect, `${where}: ${label}`);
      assertNoSecret(label, `${where}'s label`);
      assertNoSecret(allTextOf(err), `${where}'s error`);
    }
    assertNoSecret(output, 'console output');
    assert.equal(requests.length, before, 'no request is sent without a credential');
  });
}

test('explorer: the tree node says which plugin failed and holds no secret in label, description or tooltip', async () => {
  const file = kubeconfigFor(CASES[2]);
  fake.recorded.settings.set('podscope.kubeconfig', file);
  const context = { globalState: new MemoryMemento(), subscriptions: [] } as unknown as vscodeTypes.ExtensionContext;
  const { value: texts, output } = await capturingOutput(async () => {
    const { startExplorer } = await import('../../../../client/src/kube/index.js');
    const explorer = await startExplorer(context);
    try {
      const { provider } = fake.latestView('podscope.pods')! as unknown as { provider: { getChildren(n?: unknown): unknown[]; getTreeItem(n: unknown): fake.TreeItem } };
      const [ctx] = provider.getChildren();
      const item = await until('an error node', (): fake.TreeItem | undefined => {
        const first = provider.getChildren(ctx)[0];
        const it = first === undefined ? undefined : provider.getTreeItem(first);
        return (it?.iconPath as fake.ThemeIcon | undefined)?.id === 'error' ? it : undefined;
      });
      return { label: item.label, all: util.inspect(item, { depth: 6 }) };
    } finally {
      explorer.dispose();
    }
  });
  assert.match(texts.label, /the credential plugin `[^`]*env-on-failure` exited with code 1/);
  assertNoSecret(texts.all, 'tree node');
  assertNoSecret(output, 'console output');
});

test('a valid plugin authenticates, and parallel requests share one run of it until the credential expires', async () => {
  const counter = path.join(dir, 'runs');
  const file = kubeconfigFor({
    name: 'valid',
    script: `echo run >> ${counter}\nsleep 0.2\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"good-token","expirationTimestamp":"2999-01-01T00:00:00Z"}}'`,
    expect: /./,
  });
  const load = loadKubeconfig(kubeconfigSource(file));
  assert.equal(load.kind, 'loaded');
  if (load.kind !== 'loaded') return;
  const api = createClusterApi(load.kubeConfig, 'dev');
  const before = requests.length;
  await Promise.all([api.listPods({ namespace: 'team' }), api.listPods({ namespace: 'team' }), api.request('/api/v1')]);
  await api.listPods({ namespace: 'team' });
  assert.deepEqual(requests.slice(before).map((r) => r.authorization), Array(4).fill('Bearer good-token'));
  assert.equal(fs.readFileSync(counter, 'utf8'), 'run\n');
});

test('a plugin that hangs is stopped and reported, not waited for forever', async () => {
  const auth = new SafeExecAuth(300);
  const user = { name: 'u', exec: { command: plugin('hang', 'sleep 30'), args: [] } } as never;
  const started = Date.now();
  await assert.rejects(auth.applyAuthentication(user, {}), /the credential plugin `[^`]*hang` did not finish within 0.3 s$/);
  assert.ok(Date.now() - started < 5000);
});

test('parseCredential: a token, or a certificate with its key; nothing else', () => {
  assert.deepEqual(parseCredential('{"kind":"ExecCredential","status":{"token":"t"}}')?.status.token, 't');
  assert.ok(parseCredential('{"status":{"clientCertificateData":"c","clientKeyData":"k"}}'));
  for (const bad of ['', 'tok', '"tok"', '7', 'null', '[]', '{}', '{"status":{}}', '{"status":{"clientKeyData":"k"}}', '{"kind":"Secret","status":{"token":"t"}}', '{"status":{"token":""}}']) {
    assert.equal(parseCredential(bad), undefined, bad);
  }
});

test('legacy auth providers: a gcp cmd-path is refused without running it; other failures are named without detail', async () => {
  const ran = path.join(dir, 'gcp-ran');
  const gcpCommand = plugin('gcp-helper', `touch ${ran}\necho "S3CR3T-gcp-stderr" >&2\necho S3CR3T-gcp-out`);
  const cases: { user: string[]; expect: RegExp }[] = [
    {
      user: ['    auth-provider:', '      name: gcp', '      config:', `        cmd-path: ${gcpCommand}`, '        cmd-args: --token S3CR3T-gcp-arg', '        expiry: "2000-01-01T00:00:00Z"', '        access-token: S3CR3T-old-token'],
      expect: /^Error: the "gcp" auth provider of the kubeconfig user "u" runs cmd-path, which Podscope does not run/,
    },
    {
      user: ['    auth-provider:', '      name: oidc', '      config:', '        idp-issuer-url: http://127.0.0.1:9/S3CR3T-issuer', '        client-id: x', '        refresh-token: S3CR3T-refresh', '        id-token: S3CR3T-not-a-jwt'],
      expect: /^Error: the "oidc" auth provider of the kubeconfig user "u" failed/,
    },
  ];
  for (const [i, c] of cases.entries()) {
    const file = path.join(dir, `provider-${i}.kubeconfig`);
    fs.writeFileSync(file, [
      'apiVersion: v1', 'kind: Config',
      'clusters:', '- name: c', '  cluster:', `    server: http://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
      'users:', '- name: u', '  user:', ...c.user,
      'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u',
      'current-context: dev',
    ].join('\n'));
    const before = requests.length;
    const { value: err, output } = await capturingOutput(async () => {
      const load = loadKubeconfig(kubeconfigSource(file));
      if (load.kind !== 'loaded') throw new Error(load.kind);
      return rejection(createClusterApi(load.kubeConfig, 'dev').listPods({ namespace: 'team' }));
    });
    const label = problemLabel(describeConnectionError(err));
    assertNoSecret(label, 'label');
    assert.match(label, c.expect);
    assertNoSecret(allTextOf(err), 'error');
    assertNoSecret(output, 'console output');
    assert.equal(requests.length, before);
  }
  assert.equal(fs.existsSync(ran), false, 'the gcp cmd-path was not run');
});
