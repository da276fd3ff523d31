// Hostile manifests against a recording HTTP server, through the real transport (discovery and raw requests with the
// context's credentials): every request the dry run makes is either discovery (a GET without a query) or a dry run
// whose query is exactly dryRun=All&fieldValidation=Strict&fieldManager=podscope (+ force=true for the apply), to the
// path the object's own values name, each segment escaped. Values no API path can hold are refused before any request,
// with a finding at the field.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { clusterDryRunTransport } from '../../../../client/src/kube/dryRun/clusterDryRunTransport';
import { dryRunManifest, type DryRunObjectResult } from '../../../../client/src/kube/dryRun/dryRunValidate';
import { kubeconfigSource, loadKubeconfig } from '../../../../client/src/kube/cluster/kubeconfig';
import { createClusterApi } from '../../../../client/src/kube/cluster/clusterApi';

interface Recorded { method: string; url: string }
const recorded: Recorded[] = [];

const DISCOVERY: Record<string, { name: string; kind: string; namespaced: boolean }[]> = {
  '/api/v1': [
    { name: 'pods', kind: 'Pod', namespaced: true },
    { name: 'pods/log', kind: 'Pod', namespaced: true },
    { name: 'secrets', kind: 'Secret', namespaced: true },
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    // A discovery answer no path may hold: the kind is then not served, rather than a request to `/api/v1/..`.
    { name: '..', kind: 'Dots', namespaced: false },
  ],
  '/apis/apps/v1': [{ name: 'deployments', kind: 'Deployment', namespaced: true }],
  '/apis/rbac.authorization.k8s.io/v1': [{ name: 'clusterroles', kind: 'ClusterRole', namespaced: false }],
};

let server: http.Server;
let kubeconfigFile = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-dryrun-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

before(async () => {
  server = http.createServer((req, res) => {
    recorded.push({ method: req.method ?? '', url: req.url ?? '' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => { body += d; });
    req.on('end', () => {
      const url = req.url ?? '';
      if (req.method === 'GET' && DISCOVERY[url]) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ kind: 'APIResourceList', resources: DISCOVERY[url] }));
      }
      if (req.method === 'POST' && body.includes('name: "exists')) {
        // The create of an object named `exists…` finds it there: the run goes on with a dry-run apply.
        res.writeHead(409, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ kind: 'Status', code: 409, reason: 'AlreadyExists', message: 'already exists' }));
      }
      if (req.method === 'POST' || req.method === 'PATCH') {
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' });
        return res.end('{"kind":"Pod"}');
      }
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', code: 404, reason: 'NotFound', message: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  kubeconfigFile = path.join(dir, 'kubeconfig.yaml');
  fs.writeFileSync(kubeconfigFile, [
    'apiVersion: v1', 'kind: Config',
    'clusters:', '- name: c', '  cluster:', `    server: http://127.0.0.1:${port}`, '    insecure-skip-tls-verify: true',
    'users:', '- name: u', '  user:', '    token: t',
    'contexts:', '- name: dev', '  context:', '    cluster: c', '    user: u',
    'current-context: dev',
  ].join('\n'));
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function transport() {
  const load = loadKubeconfig(kubeconfigSource(kubeconfigFile));
  if (load.kind !== 'loaded') throw new Error('test kubeconfig did not load');
  return clusterDryRunTransport(createClusterApi(load.kubeConfig, 'dev'));
}

const doc = (apiVersion: string, kind: string, name: string, namespace?: string) =>
  [`apiVersion: ${JSON.stringify(apiVersion)}`, `kind: ${JSON.stringify(kind)}`, 'metadata:', `  name: ${JSON.stringify(name)}`,
    ...(namespace === undefined ? [] : [`  namespace: ${JSON.stringify(namespace)}`])].join('\n');

/** Refused before any request: [apiVersion, kind, name, namespace, the field the finding must point at]. */
const REFUSED: [string, string, string, string | undefined, string][] = [
  ['v1#x', 'Pod', 'a', undefined, 'apiVersion'],
  ['v1?dryRun=&x=', 'Pod', 'a', undefined, 'apiVersion'],
  ['v1?dryRun=None', 'Pod', 'a', undefined, 'apiVersion'],
  ['../v1', 'Pod', 'a', undefined, 'apiVersion'],
  ['apps/../v1', 'Deployment', 'a', undefined, 'apiVersion'],
  ['apps/v1/x', 'Deployment', 'a', undefined, 'apiVersion'],
  ['/v1', 'Pod', 'a', undefined, 'apiVersion'],
  ['v1/', 'Pod', 'a', undefined, 'apiVersion'],
  ['apps%2Fv1', 'Deployment', 'a', undefined, 'apiVersion'],
  ['v1 ', 'Pod', 'a', undefined, 'apiVersion'],
  ['V1', 'Pod', 'a', undefined, 'apiVersion'],
  ['v\uff11', 'Pod', 'a', undefined, 'apiVersion'],
  ['.', 'Pod', 'a', undefined, 'apiVersion'],
  ['v1', 'Pod/../Secret', 'a', undefined, 'kind'],
  ['v1', 'Pod?x', 'a', undefined, 'kind'],
  ['v1', 'Pod', '..', undefined, 'name'],
  ['v1', 'Pod', '.', undefined, 'name'],
  ['v1', 'Pod', 'a/b', undefined, 'name'],
  ['v1', 'Pod', '../../namespaces', undefined, 'name'],
  ['v1', 'Pod', 'a%2Fb', undefined, 'name'],
  ['v1', 'Pod', 'a', '..', 'namespace'],
  ['v1', 'Pod', 'a', '../kube-system', 'namespace'],
  ['v1', 'Pod', 'a', 'a/b', 'namespace'],
  ['v1', 'Pod', 'a', '%2F', 'namespace'],
  ['v1', 'Pod', 'a', 'ns?dryRun=', 'namespace'],
  ['v1', 'Pod', 'a', 'ns#x', 'namespace'],
  ['v1', 'Pod', 'a', 'ünï', 'namespace'],
  ['v1', 'Pod', 'a', 'x'.repeat(64), 'namespace'],
];

/** Sent, escaped: [apiVersion, kind, name, namespace, expected decoded path segments of the create]. */
const SENT: [string, string, string, string | undefined, string[]][] = [
  ['v1', 'Pod', 'x#y', undefined, ['api', 'v1', 'namespaces', 'demo', 'pods']],
  ['v1', 'Pod', 'x?dryRun=', 'team', ['api', 'v1', 'namespaces', 'team', 'pods']],
  ['v1', 'Pod', 'ünïcødé\u2028', undefined, ['api', 'v1', 'namespaces', 'demo', 'pods']],
  ['v1', 'Secret', 'exists?dryRun=&x=#frag', 'team', ['api', 'v1', 'namespaces', 'team', 'secrets']],
  ['v1', 'Secret', 'exists é', 'team', ['api', 'v1', 'namespaces', 'team', 'secrets']],
  ['v1', 'Namespace', 'ns', 'ignored', ['api', 'v1', 'namespaces']],
  ['apps/v1', 'Deployment', '...', undefined, ['apis', 'apps', 'v1', 'namespaces', 'demo', 'deployments']],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:x', undefined, ['apis', 'rbac.authorization.k8s.io', 'v1', 'clusterroles']],
];

const CREATE_QUERY = 'dryRun=All&fieldValidation=Strict&fieldManager=podscope';
const APPLY_QUERY = `${CREATE_QUERY}&force=true`;

test('hostile manifests: values no path may hold are refused at their field, before any request', async () => {
  for (const [apiVersion, kind, name, namespace, field] of REFUSED) {
    const text = doc(apiVersion, kind, name, namespace);
    const before = recorded.length;
    const [r] = await dryRunManifest(text, transport(), 'demo');
    const what = JSON.stringify([apiVersion, kind, name, namespace]);
    assert.equal(recorded.length, before, `${what}: nothing is sent, not even discovery`);
    assert.equal(r.outcome, 'rejected', what);
    assert.equal(r.findings.length, 1, what);
    const f = r.findings[0];
    const fieldName = field === 'name' || field === 'namespace' ? `metadata.${field}` : field;
    assert.ok(f.message.startsWith(`${fieldName}: Invalid value: ${JSON.stringify(field === 'apiVersion' ? apiVersion : field === 'kind' ? kind : field === 'name' ? name : namespace)}: `), `${what}: ${f.message}`);
    assert.match(f.message, /\(not sent to the cluster\)$/);
    const value = field === 'apiVersion' ? apiVersion : field === 'kind' ? kind : field === 'name' ? name : namespace!;
    assert.equal(text.slice(f.start, f.end), JSON.stringify(value), `${what}: the finding covers the value`);
  }
});

test('hostile names that paths can hold are sent escaped, with exactly the dry-run query; nothing else is ever sent', async () => {
  const text = SENT.map(([v, k, n, ns]) => doc(v, k, n, ns)).join('\n---\n') + '\n---\n' + doc('v1', 'Dots', 'a');
  const before = recorded.length;
  const results = await dryRunManifest(text, transport(), 'demo');
  const requests = recorded.slice(before);

  for (const r of requests) {
    assert.ok(!r.url.includes('#'), `no fragment: ${r.url}`);
    const [rawPath, query, ...more] = r.url.split('?');
    assert.equal(more.length, 0, `one query at most: ${r.url}`);
    const segments = rawPath.split('/').slice(1);
    for (const s of segments) assert.ok(s !== '.' && s !== '..' && s !== '' && /^[A-Za-z0-9\-_.!~*'()%:]+$/.test(s), `segment ${JSON.stringify(s)} of ${r.url}`);
    if (r.method === 'GET') {
      assert.equal(query, undefined, `discovery has no query: ${r.url}`);
      assert.ok(rawPath in DISCOVERY, `only discovery is read: ${r.url}`);
      continue;
    }
    assert.ok(r.method === 'POST' || r.method === 'PATCH', r.method);
    assert.equal(query, r.method === 'POST' ? CREATE_QUERY : APPLY_QUERY, r.url);
    assert.deepEqual(new URLSearchParams(query).getAll('dryRun'), ['All']);
  }

  const writes = requests.filter((r) => r.method !== 'GET').map((r) => ({ method: r.method, segments: r.url.split('?')[0].split('/').slice(1).map(decodeURIComponent) }));
  const expected = SENT.flatMap(([, , name, , segments]) => {
    const create = { method: 'POST', segments };
    return name.startsWith('exists') ? [create, { method: 'PATCH', segments: [...segments, name] }] : [create];
  });
  assert.deepEqual(writes, expected);

  const outcome = (r: DryRunObjectResult) => `${r.label}: ${r.outcome}${r.operation ? ` (${r.operation})` : ''}`;
  assert.deepEqual(results.map(outcome), [
    ...SENT.map(([, kind, name]) => `${kind}/${name}: accepted (${name.startsWith('exists') ? 'apply' : 'create'})`),
    'Dots/a: rejected',
  ]);
  assert.equal(results.at(-1)!.findings[0].message, 'no matches for kind "Dots" in version "v1"');
});

test('an invalid namespace chosen for the context is refused too', async () => {
  const before = recorded.length;
  const [r] = await dryRunManifest(doc('v1', 'Pod', 'a'), transport(), '../kube-system');
  assert.equal(r.outcome, 'rejected');
  assert.match(r.findings[0].message, /the namespace "\.\.\/kube-system" is not a valid namespace name/);
  assert.ok(recorded.slice(before).every((x) => x.method === 'GET'), 'only discovery was read');
});
