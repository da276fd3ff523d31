// Activation's stand-ins for the explorer's file systems (client/src/fileSystemRouter.ts): a log view or container file
// VS Code restores with the window asks before the explorer exists; the stand-in waits for it and hands the call over,
// passes on change events, and fails with why in Restricted Mode or when the explorer could not start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fake from './kube/fakes/fakeVscode';
import { useFakeVscode } from './kube/fakes/routeVscode';

useFakeVscode();

async function load() {
  const { FileSystemRouter } = await import('../../client/src/fileSystemRouter.js');
  const schemes = await import('../../client/src/kube/fileSystemSchemes.js');
  return { FileSystemRouter, ...schemes };
}

interface StandIn {
  readFile(uri: unknown): Promise<Uint8Array>;
  stat(uri: unknown): Promise<unknown>;
  watch(uri: unknown, options: unknown): { dispose(): void };
  onDidChangeFile(l: (e: unknown[]) => void): unknown;
}
const standIn = (scheme: string) => fake.recorded.fileSystems.get(scheme) as StandIn;
const turn = () => new Promise((resolve) => setImmediate(resolve));

test('registers a stand-in for each scheme at once; each waits for the explorer\'s provider and passes its events on', async (t) => {
  const { FileSystemRouter, FILE_SYSTEM_SCHEMES, LOG_SCHEME } = await load();
  const router = new FileSystemRouter();
  t.after(() => router.dispose());
  for (const s of FILE_SYSTEM_SCHEMES) assert.ok(fake.recorded.fileSystems.has(s), s);

  let start!: (fileSystems: unknown) => void;
  router.serve(new Promise((resolve) => { start = resolve; }) as never);
  const uri = fake.Uri.from({ scheme: LOG_SCHEME, path: '/dev/web/a.app.log' });
  let read: Uint8Array | undefined;
  void standIn(LOG_SCHEME).readFile(uri).then((bytes) => { read = bytes; });
  await turn();
  assert.equal(read, undefined, 'waits while the explorer starts');

  const changed = new fake.EventEmitter<unknown[]>();
  const watched: string[] = [];
  start(new Map([[LOG_SCHEME, {
    onDidChangeFile: changed.event,
    readFile: (u: { path: string }) => Buffer.from(`log of ${u.path}`),
    watch: (u: { path: string }) => { watched.push(`+${u.path}`); return { dispose: () => watched.push(`-${u.path}`) }; },
  }]]));
  await turn();
  assert.equal(Buffer.from(read!).toString(), 'log of /dev/web/a.app.log');

  const heard: unknown[] = [];
  standIn(LOG_SCHEME).onDidChangeFile((e) => heard.push(...e));
  changed.fire([{ type: 1, uri }]);
  assert.deepEqual(heard, [{ type: 1, uri }]);

  const w = standIn(LOG_SCHEME).watch({ path: '/x.log' }, {});
  await turn();
  w.dispose();
  const early = standIn(LOG_SCHEME).watch({ path: '/y.log' }, {});
  early.dispose();
  await turn();
  assert.deepEqual(watched, ['+/x.log', '-/x.log', '+/y.log', '-/y.log'], 'a watch disposed before it began is ended once it begins');
});

test('in Restricted Mode, after a failed start, and for a scheme without a provider, a call fails with why', async (t) => {
  const { FileSystemRouter, CONTAINER_SCHEME, LOG_SCHEME } = await load();
  const router = new FileSystemRouter();
  t.after(() => router.dispose());
  const uri = fake.Uri.from({ scheme: CONTAINER_SCHEME, path: '/etc/hosts' });
  await assert.rejects(standIn(CONTAINER_SCHEME).stat(uri), /off in Restricted Mode.*Trust this folder/);
  router.serve(Promise.reject(new Error('no kubeconfig')));
  await assert.rejects(standIn(CONTAINER_SCHEME).readFile(uri), /could not start, so this file cannot be read: no kubeconfig/);

  const other = new FileSystemRouter();
  t.after(() => other.dispose());
  other.serve(Promise.resolve(new Map()));
  await assert.rejects(standIn(LOG_SCHEME).stat(uri), /no file system for podscope-log:/);
});

test('package.json activates the extension for every scheme the router stands in for', async () => {
  const { FILE_SYSTEM_SCHEMES } = await load();
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { activationEvents: string[] };
  for (const scheme of FILE_SYSTEM_SCHEMES) assert.ok(manifest.activationEvents.includes(`onFileSystem:${scheme}`), scheme);
});
