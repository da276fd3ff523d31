// Copy From/To Container against the real local cluster, `kubectl cp` (of the cluster's own version) as the reference.
// kwok runs exec commands on this host in its sandbox folder, so the "container's" files are files here and GNU tar is
// the container's tar. Proves: byte-identical copies both ways, equal to kubectl cp's; a folder round-trips; a 50 MB
// file's time both ways beside kubectl cp's (docs/benchmarks.md); no tar gives the clear message; a pod deleted while
// copying ends the copy with a message and leaves no local file; the read-only file system lists and reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execIn, type RunInContainer } from '../../../client/src/kube/copy/containerProcess';
import { listDirectory, readContainerFile } from '../../../client/src/kube/copy/containerListing';
import { copyFromContainer } from '../../../client/src/kube/copy/copyFromContainer';
import { copyToContainer } from '../../../client/src/kube/copy/copyToContainer';
import { watchPodDeletion } from '../../../client/src/kube/pod/podDeletion';
import { CopyError } from '../../../client/src/kube/copy/tarFailure';
import type { Cluster } from '../cluster';
import { clusterLayout } from '../layout';
import { until } from '../../support/until';
import { useFakeVscode } from '../../client/kube/fakes/routeVscode';
import { useCluster } from './clusterFixture';

const vscode = useFakeVscode();

const LABEL = { 'podscope.dev/test': 'copy' };
const NS = 'demo';
const work: string[] = [];
const fixture = useCluster('copy tests', {
  cleanup: async (c) => {
    for (const w of work) rmSync(w, { recursive: true, force: true });
    await c?.kubectl.run(['delete', 'pod', '-n', NS, '-l', 'podscope.dev/test=copy', '--grace-period=0', '--force', '--wait=false']);
  },
});

/** A running pod of the test's own (one test deletes its pod), its exec runner, a "container" folder and a local one. */
async function setup(c: Cluster): Promise<{ pod: string; run: RunInContainer; remote: string; local: string }> {
  const pod = `podscope-copy-${randomUUID().slice(0, 8)}`;
  await c.kubectl.apply([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: NS, labels: LABEL }, spec: { containers: [{ name: 'app', image: 'files:1' }] } }]);
  const api = fixture.api(c.kubeconfig);
  await until('the pod to run', async () => (await api.readPod(NS, pod)).status?.phase === 'Running', { intervalMs: 200 });
  const remote = join(clusterLayout().execSandbox, `copy-${randomUUID().slice(0, 8)}`);
  const local = mkdtempSync(join(tmpdir(), 'podscope-copy-local-'));
  mkdirSync(remote);
  work.push(remote, local);
  return { pod, run: execIn(api, { namespace: NS, pod, container: 'app' }), remote, local };
}

const kubectlCp = (c: Cluster, from: string, to: string) => c.kubectl.ok(['cp', '-c', 'app', from, to], undefined, 120_000);

test('a file both ways is byte-identical, and equal to what kubectl cp copies', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { pod, run, remote, local } = await setup(c);
  const bytes = randomBytes(300_001);
  writeFileSync(join(local, 'original.bin'), bytes);

  const up = await copyToContainer(run, join(local, 'original.bin'), `${remote}/`);
  assert.equal(up.containerPath, join(remote, 'original.bin'));
  assert.deepEqual(readFileSync(join(remote, 'original.bin')), bytes);

  await copyFromContainer(run, join(remote, 'original.bin'), join(local, 'ours.bin'));
  await kubectlCp(c, `${NS}/${pod}:${join(remote, 'original.bin')}`, join(local, 'kubectl.bin'));
  assert.deepEqual(readFileSync(join(local, 'ours.bin')), bytes);
  assert.deepEqual(readFileSync(join(local, 'kubectl.bin')), readFileSync(join(local, 'ours.bin')));
});

test('a folder round-trips (nested, empty folder, binary), and equals kubectl cp\'s copy of it', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { pod, run, remote, local } = await setup(c);
  const tree = join(local, 'tree');
  mkdirSync(join(tree, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(tree, 'empty'));
  writeFileSync(join(tree, 'a.txt'), 'alpha\n');
  writeFileSync(join(tree, 'sub', 'with space.txt'), 'spaced\n');
  writeFileSync(join(tree, 'sub', 'deeper', 'blob.bin'), randomBytes(123_457));
  writeFileSync(join(tree, 'sub', 'deeper', `${'n'.repeat(140)}.txt`), 'a long name\n');

  await copyToContainer(run, tree, join(remote, 'tree'));
  execFileSync('diff', ['-r', tree, join(remote, 'tree')]);
  await copyFromContainer(run, join(remote, 'tree'), join(local, 'back'));
  execFileSync('diff', ['-r', tree, join(local, 'back')]);
  await kubectlCp(c, `${NS}/${pod}:${join(remote, 'tree')}`, join(local, 'kubectl'));
  // kubectl cp writes only files and the folders holding them: an empty folder does not come back through it.
  execFileSync('diff', ['-r', '-x', 'empty', join(local, 'kubectl'), join(local, 'back')]);
});

test('50 MB both ways: byte-identical, timed beside kubectl cp in the same run', { timeout: 300_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { pod, run, remote, local } = await setup(c);
  const original = join(local, 'big.bin');
  // 50,000,000 bytes: Go's archive/tar (kubectl cp) then happens to end on a whole 10240-byte record, which GNU tar in
  // kwok needs to finish without an end of input; for other sizes kubectl cp to kwok hangs (see localArchive.ts).
  writeFileSync(original, randomBytes(50_000_000));
  const time = async (work: () => Promise<unknown>) => { const s = process.hrtime.bigint(); await work(); return Number(process.hrtime.bigint() - s) / 1e6; };

  const rounds = 5;
  const figures = { oursTo: [] as number[], kubectlTo: [] as number[], oursFrom: [] as number[], kubectlFrom: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    figures.oursTo.push(await time(() => copyToContainer(run, original, join(remote, `ours-${i}.bin`))));
    figures.kubectlTo.push(await time(() => kubectlCp(c, original, `${NS}/${pod}:${join(remote, `kubectl-${i}.bin`)}`)));
    figures.oursFrom.push(await time(() => copyFromContainer(run, join(remote, `ours-${i}.bin`), join(local, `ours-${i}.bin`))));
    figures.kubectlFrom.push(await time(() => kubectlCp(c, `${NS}/${pod}:${join(remote, `ours-${i}.bin`)}`, join(local, `kubectl-${i}.bin`))));
    // Compared by cmp(1): 50 MB buffers in this process would make its garbage collector, not the copy, the figure.
    for (const f of [join(remote, `ours-${i}.bin`), join(remote, `kubectl-${i}.bin`), join(local, `ours-${i}.bin`), join(local, `kubectl-${i}.bin`)]) {
      assert.equal(spawnSync('cmp', [original, f]).status, 0, `${f} is byte-identical`);
    }
    for (const f of [`ours-${i}.bin`, `kubectl-${i}.bin`]) { rmSync(join(remote, f)); rmSync(join(local, f)); }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const line = (what: string, ours: number[], kubectl: number[]) =>
    `${what}: Podscope ${median(ours).toFixed(0)} ms (${ours.map((x) => x.toFixed(0)).join('/')}), kubectl cp ${median(kubectl).toFixed(0)} ms (${kubectl.map((x) => x.toFixed(0)).join('/')})`;
  const report = [line('50 MB to the container', figures.oursTo, figures.kubectlTo), line('50 MB from the container', figures.oursFrom, figures.kubectlFrom)];
  for (const r of report) { t.diagnostic(r); console.log(`# ${r}`); }
});

test('a container without tar: the copy says so, both ways, whether the runtime or a shell reports it', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { run, remote, local } = await setup(c);
  writeFileSync(join(remote, 'f.txt'), 'x');
  writeFileSync(join(local, 'f.txt'), 'x');
  // kwok runs the command on this host, where tar exists: the exec env is given a PATH without it (a shell-style
  // "not found", exit 127), or tar is named by a path that does not exist (the runtime refuses to start it).
  const noTarOnPath: RunInContainer = (cmd, out) => run(cmd[0] === 'tar' ? ['env', 'PATH=/nonexistent', ...cmd] : cmd, out);
  const noTarBinary: RunInContainer = (cmd, out) => run(cmd[0] === 'tar' ? ['/nonexistent/tar', ...cmd.slice(1)] : cmd, out);
  for (const [how, runner] of [['PATH', noTarOnPath], ['binary', noTarBinary]] as const) {
    const expect = (err: unknown) => {
      assert.ok(err instanceof CopyError, String(err));
      assert.match(err.message, /^the container has no tar: /, how);
      t.diagnostic(`${how}: ${err.message}`);
      return true;
    };
    await assert.rejects(copyFromContainer(runner, join(remote, 'f.txt'), join(local, `from-${how}.txt`)), expect);
    await assert.rejects(copyToContainer(runner, join(local, 'f.txt'), join(remote, `to-${how}.txt`)), expect);
  }
  assert.deepEqual(readdirSync(local), ['f.txt'], 'nothing written locally');
  assert.deepEqual(readdirSync(remote), ['f.txt'], 'nothing written in the container');
});

test('the pod deleted while copying: a message naming it, and no partial local file', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { pod, run, remote, local } = await setup(c);
  // A sparse 4 GiB file: tar reads (and sends) all of it, which takes long enough to delete the pod meanwhile.
  execFileSync('truncate', ['-s', '4G', join(remote, 'huge.img')]);
  const api = fixture.api(c.kubeconfig);
  let deleting: Promise<unknown> | undefined;
  let received = 0;
  const started = Date.now();
  let deletedAt = 0;
  await assert.rejects(copyFromContainer(run, join(remote, 'huge.img'), join(local, 'huge.img'), {
    podName: pod,
    watchDeletion: (onDeleted) => watchPodDeletion(api, NS, pod, () => { deletedAt = Date.now(); onDeleted(); }),
    progress: (b) => {
      received = b;
      if (!deleting && b > 20_000_000) deleting = c.kubectl.ok(['delete', 'pod', '-n', NS, pod, '--wait=false']);
    },
  }), (err: unknown) => {
    assert.ok(err instanceof CopyError, String(err));
    assert.equal(err.message, `pod "${pod}" was deleted while copying`);
    return true;
  });
  await deleting;
  t.diagnostic(`stopped after ${(received / 1e6).toFixed(0)} MB of 4295 MB, ${Date.now() - started} ms after the start; deletion seen ${deletedAt - started} ms in`);
  assert.ok(received < 4 * 2 ** 30);
  assert.deepEqual(readdirSync(local), [], 'no partial file and no temporary file');
});

test('the read-only file system lists a container folder and reads a file through exec', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { run, remote } = await setup(c);
  mkdirSync(join(remote, 'etc'));
  writeFileSync(join(remote, 'etc', 'app.conf'), 'port = 8080\n');
  writeFileSync(join(remote, 'notes with spaces.md'), '# notes\n');
  const entries = await listDirectory(run, remote);
  assert.deepEqual(entries.map((e) => `${e.type}:${e.name}`).sort(), ['directory:etc', 'file:notes with spaces.md']);
  assert.equal(Buffer.from(await readContainerFile(run, join(remote, 'etc', 'app.conf'))).toString('utf8'), 'port = 8080\n');
});

test('the commands, as the Pods view runs them on a container: progress in bytes, the result, and a failure in tar\'s words', { timeout: 120_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const { pod, remote, local } = await setup(c);
  const { copyCommands } = await import('../../../client/src/kube/copy/copyCommands.js');
  const api = fixture.api(c.kubeconfig);
  const deps = { apiFor: () => api, activeScope: () => undefined };
  const node = { contextName: api.contextName, namespace: NS, name: pod, pod: await api.readPod(NS, pod), container: 'app', kind: 'app' };
  writeFileSync(join(local, 'up.bin'), randomBytes(3_000_000));
  vscode.recorded.messages.length = 0;
  vscode.recorded.progress.length = 0;

  vscode.recorded.answers.push([vscode.Uri.file(join(local, 'up.bin'))], `${remote}/`);
  await copyCommands['podscope.copy.toContainer']({ deps })(node);
  assert.equal(spawnSync('cmp', [join(local, 'up.bin'), join(remote, 'up.bin')]).status, 0);
  vscode.recorded.answers.push(join(remote, 'up.bin'), vscode.Uri.file(join(local, 'down.bin')));
  await copyCommands['podscope.copy.fromContainer']({ deps })(node);
  assert.equal(spawnSync('cmp', [join(local, 'up.bin'), join(local, 'down.bin')]).status, 0);
  assert.deepEqual(vscode.recorded.messages, [
    `info: Podscope: copied ${join(local, 'up.bin')} to ${pod}/app:${join(remote, 'up.bin')} (2.9 MiB).`,
    `info: Podscope: copied ${join(remote, 'up.bin')} from ${pod}/app to ${join(local, 'down.bin')} (1 file, 2.9 MiB).`,
  ]);
  assert.equal(vscode.recorded.progress.at(-1), `2.9 MiB of 2.9 MiB — ${join(remote, 'up.bin')}`, 'the last step: all bytes, and the file');
  assert.ok(vscode.recorded.progress.length >= 2, 'steps while copying, then the last');

  vscode.recorded.messages.length = 0;
  vscode.recorded.answers.push(join(remote, 'no-such-file'), vscode.Uri.file(join(local, 'missing.bin')));
  await copyCommands['podscope.copy.fromContainer']({ deps })(node);
  assert.deepEqual(vscode.recorded.messages, [
    `error: Podscope: copying "${join(remote, 'no-such-file')}" from ${pod}/app failed: tar failed (exit code 2): tar: ${join(remote, 'no-such-file')}: Cannot stat: No such file or directory`,
  ]);
  assert.deepEqual(readdirSync(local).sort(), ['down.bin', 'up.bin']);
});
