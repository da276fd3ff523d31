import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contextProblem, kubeconfigSource, loadKubeconfig, type Environment } from '../../../../client/src/kube/cluster/kubeconfig';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podscope-kubeconfig-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function kubeconfig(o: { clusters: [string, string][]; users?: string[]; contexts: [string, string, string][]; current?: string }): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    ...o.clusters.map(([n, s]) => `- name: ${n}\n  cluster:\n    server: ${s}\n    certificate-authority: ca.crt`),
    'users:',
    ...(o.users ?? []).map((u) => `- name: ${u}\n  user:\n    token: secret-${u}`),
    'contexts:',
    ...o.contexts.map(([n, c, u]) => `- name: ${n}\n  context:\n    cluster: ${c}\n    user: ${u}`),
    `current-context: ${o.current ?? ''}`,
  ].join('\n');
}

const env = (e: NodeJS.ProcessEnv, homeDir = path.join(dir, 'home')): Environment => ({ env: e, homeDir, delimiter: ':' });

test('source precedence: setting, then KUBECONFIG (split on the delimiter), then ~/.kube/config', () => {
  assert.deepEqual(kubeconfigSource('~/k.yaml', env({ KUBECONFIG: '/a:/b' }, '/home/u')), { origin: 'setting', files: ['/home/u/k.yaml'] });
  assert.deepEqual(kubeconfigSource(undefined, env({ KUBECONFIG: '/a::/b' }, '/home/u')), { origin: 'KUBECONFIG', files: ['/a', '/b'] });
  assert.deepEqual(kubeconfigSource('  ', env({}, '/home/u')), { origin: 'default', files: ['/home/u/.kube/config'] });
});

test('no file anywhere is "missing" (not a silent localhost:8080 fallback)', () => {
  const result = loadKubeconfig(kubeconfigSource(undefined, env({}, path.join(dir, 'nohome'))));
  assert.equal(result.kind, 'missing');
});

test('several KUBECONFIG files merge like kubectl: first definition and first current-context win, missing files skipped', () => {
  const a = write('merge/a.yaml', kubeconfig({ clusters: [['shared', 'https://a.example:6443']], users: ['ua'], contexts: [['ctx-a', 'shared', 'ua']], current: 'ctx-a' }));
  const b = write('merge/b.yaml', kubeconfig({ clusters: [['shared', 'https://b.example:6443'], ['other', 'https://o.example']], users: ['ua', 'ub'], contexts: [['ctx-a', 'other', 'ub'], ['ctx-b', 'other', 'ub']], current: 'ctx-b' }));
  const result = loadKubeconfig(kubeconfigSource(undefined, env({ KUBECONFIG: `${a}:${path.join(dir, 'merge/none.yaml')}:${b}` })));
  assert.equal(result.kind, 'loaded');
  if (result.kind !== 'loaded') return;
  const kc = result.kubeConfig;
  assert.deepEqual(kc.getContexts().map((c) => c.name), ['ctx-a', 'ctx-b']);
  assert.equal(kc.getContextObject('ctx-a')?.cluster, 'shared');
  assert.equal(kc.getCluster('shared')?.server, 'https://a.example:6443');
  assert.equal(kc.getCurrentContext(), 'ctx-a');
  assert.deepEqual(result.files, [a, b]);
  assert.deepEqual(result.problems, []);
  // Relative paths resolve against the file that named them.
  assert.equal(kc.getCluster('other')?.caFile, path.join(dir, 'merge', 'ca.crt'));
});

test('a broken file is reported by name, without quoting its content, and the others still load', () => {
  const good = write('broken/good.yaml', kubeconfig({ clusters: [['c', 'https://c']], users: ['u'], contexts: [['ok', 'c', 'u']] }));
  const bad = write('broken/bad.yaml', 'users:\n- name: u\n  user:\n    token: "sekrit-token\n  : [');
  const result = loadKubeconfig(kubeconfigSource(undefined, env({ KUBECONFIG: `${bad}:${good}` })));
  assert.equal(result.kind, 'loaded');
  if (result.kind !== 'loaded') return;
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0].message, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid YAML: .*\\(line \\d+, column \\d+\\)$`));
  assert.doesNotMatch(result.problems[0].message, /sekrit/);
});

test('a file with no contexts is unusable, with a reason', () => {
  const empty = write('nocontexts.yaml', kubeconfig({ clusters: [['c', 'https://c']], contexts: [] }));
  const result = loadKubeconfig(kubeconfigSource(empty, env({})));
  assert.equal(result.kind, 'unusable');
  assert.match(result.kind === 'unusable' ? result.problems[0].message : '', /defines no contexts/);
});

test('an explicitly configured path that does not exist is a problem, not "missing"', () => {
  const result = loadKubeconfig(kubeconfigSource(path.join(dir, 'nope.yaml'), env({})));
  assert.equal(result.kind, 'unusable');
  assert.match(result.kind === 'unusable' ? result.problems[0].message : '', /nope\.yaml: no such file/);
});

test('contextProblem names a dangling cluster or user reference', () => {
  const f = write('dangling.yaml', kubeconfig({ clusters: [['c', 'https://c']], users: ['u'], contexts: [['good', 'c', 'u'], ['nocluster', 'gone', 'u'], ['nouser', 'c', 'ghost']] }));
  const result = loadKubeconfig(kubeconfigSource(f, env({})));
  assert.equal(result.kind, 'loaded');
  if (result.kind !== 'loaded') return;
  assert.equal(contextProblem(result.kubeConfig, 'good'), undefined);
  assert.match(contextProblem(result.kubeConfig, 'nocluster')!, /cluster "gone"/);
  assert.match(contextProblem(result.kubeConfig, 'nouser')!, /user "ghost"/);
  assert.match(contextProblem(result.kubeConfig, 'absent')!, /not in the kubeconfig/);
});
