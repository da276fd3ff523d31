// Log streaming against the real local cluster: what a log view holds must be, byte for byte, what `kubectl logs`
// prints for the same options, including following appended lines and resuming after the connection breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import type { Cluster } from '../cluster';
import { createClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import { clientNodeLogOpener } from '../../../client/src/kube/logs/clientNodeLogOpener';
import { LogSession, type LogSpec } from '../../../client/src/kube/logs/logSession';
import type { LogStreamState } from '../../../client/src/kube/logs/logStream';
import { until } from '../../support/until';
import { useCluster } from './clusterFixture';

const fixture = useCluster('log streaming tests');

type Spec = Pick<LogSpec, 'namespace' | 'pod' | 'containers'> & Partial<LogSpec>;

function session(kc: KubeConfig, spec: Spec, states: LogStreamState[] = []): LogSession {
  return new LogSession(
    { follow: false, previous: false, timestamps: false, ...spec },
    (container) => clientNodeLogOpener(createClusterApi(kc, kc.getCurrentContext()), { namespace: spec.namespace, pod: spec.pod, container }),
    { changed() {}, state: (_c, s) => { states.push(s); } },
    { maxLines: 1_000_000, quietMs: 300, stream: { retryDelaysMs: [50, 100, 200] } },
  );
}

async function ours(kc: KubeConfig, spec: Spec): Promise<string> {
  const s = session(kc, spec);
  await s.start();
  assert.equal(s.summary(), 'ended', `stream of ${spec.pod} ended cleanly`);
  return s.buffer.text();
}

async function kubectlLogs(c: Cluster, args: string[]): Promise<string> {
  const r = await c.kubectl.run(['logs', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/** Other tests append to shared log files, so a pair of reads may straddle an append: read again until they agree. */
async function agree(a: () => Promise<string>, b: () => Promise<string>): Promise<[string, string]> {
  let pair: [string, string] = ['', ''];
  for (let i = 0; i < 5; i++) {
    pair = [await a(), await b()];
    if (pair[0] === pair[1]) break;
  }
  return pair;
}

test('one container, as kubectl logs prints it: plain, --timestamps, --tail, --since', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const kc = fixture.kubeConfig(c.kubeconfig);
  const at = { namespace: 'demo', pod: 'hello', containers: ['app'] };
  const base = ['-n', 'demo', 'hello', '-c', 'app'];
  const cases: [Partial<LogSpec>, string[]][] = [
    [{}, []],
    [{ timestamps: true }, ['--timestamps']],
    [{ tailLines: 2 }, ['--tail=2']],
    [{ tailLines: 3, timestamps: true }, ['--tail=3', '--timestamps']],
    [{ sinceSeconds: 3600 }, ['--since=1h']],
  ];
  for (const [options, flags] of cases) {
    const [mine, theirs] = await agree(() => ours(kc, { ...at, ...options }), () => kubectlLogs(c, [...base, ...flags]));
    assert.ok(theirs.length > 0, `kubectl printed something for ${flags.join(' ')}`);
    assert.equal(mine, theirs, `kubectl logs ${flags.join(' ')}`);
  }
});

test('--previous: the log of the container before its restart', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const kc = fixture.kubeConfig(c.kubeconfig);
  const [mine, theirs] = await agree(
    () => ours(kc, { namespace: 'batch', pod: 'crashloop', containers: ['worker'], previous: true, timestamps: true }),
    () => kubectlLogs(c, ['-n', 'batch', 'crashloop', '-c', 'worker', '--previous', '--timestamps']),
  );
  assert.match(theirs, /previous run/);
  assert.equal(mine, theirs);
});

test('all containers: the lines of kubectl --all-containers --prefix, interleaved by time', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const kc = fixture.kubeConfig(c.kubeconfig);
  const marker = randomUUID();
  c.appendLog('demo', 'with-sidecar', 'log-shipper', `shipper ${marker} 1`);
  await new Promise((r) => setTimeout(r, 5));
  c.appendLog('demo', 'with-sidecar', 'app', `app ${marker} 2`);
  await new Promise((r) => setTimeout(r, 5));
  c.appendLog('demo', 'with-sidecar', 'log-shipper', `shipper ${marker} 3`);
  const spec: Spec = { namespace: 'demo', pod: 'with-sidecar', containers: ['app', 'log-shipper'], timestamps: true };
  const [mine, theirs] = await agree(
    async () => (await ours(kc, spec)).split('\n').sort().join('\n'),
    async () => (await kubectlLogs(c, ['-n', 'demo', 'with-sidecar', '--all-containers', '--prefix', '--timestamps'])).split('\n').sort().join('\n'),
  );
  assert.equal(mine, theirs, 'the same lines, prefixes and timestamps');

  const lines = (await ours(kc, spec)).trimEnd().split('\n');
  const times = lines.map((l) => Date.parse(l.split(' ')[1]));
  assert.deepEqual(times, [...times].sort((a, b) => a - b), 'ordered by timestamp');
  const markers = lines.filter((l) => l.includes(marker)).map((l) => l.replace(/ \S+Z /, ' '));
  assert.deepEqual(markers, [
    `[pod/with-sidecar/log-shipper] shipper ${marker} 1`,
    `[pod/with-sidecar/app] app ${marker} 2`,
    `[pod/with-sidecar/log-shipper] shipper ${marker} 3`,
  ], 'interleaved across containers, not one container after the other');
  for (const container of ['app', 'log-shipper']) {
    const prefix = `[pod/with-sidecar/${container}] `;
    const own = lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    const [, single] = await agree(async () => '', () => kubectlLogs(c, ['-n', 'demo', 'with-sidecar', '-c', container, '--timestamps']));
    assert.equal(own.join('\n') + '\n', single, `${container} in its own order`);
  }
});

test('follow: appended lines arrive exactly as kubectl logs -f shows them', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const kc = fixture.kubeConfig(c.kubeconfig);
  const marker = randomUUID();
  const s = session(kc, { namespace: 'demo', pod: 'native-sidecar', containers: ['proxy'], follow: true, tailLines: 1 });
  const child = spawn(c.kubectl.path, ['--kubeconfig', c.kubeconfig, 'logs', '-f', '--tail=1', '-n', 'demo', 'native-sidecar', '-c', 'proxy']);
  let theirs = '';
  child.stdout.on('data', (d: Buffer) => { theirs += d.toString('utf8'); });
  const done = s.start();
  try {
    await until('both streams to start', () => s.buffer.lineCount >= 1 && theirs.length > 0);
    c.appendLog('demo', 'native-sidecar', 'proxy', [1, 2, 3].map((i) => `${marker} burst ${i}`).join('\n'));
    c.appendLog('demo', 'native-sidecar', 'proxy', `${marker} single`, { stream: 'stderr' });
    c.appendLog('demo', 'native-sidecar', 'proxy', `${marker} last`);
    await until('the last appended line', () => s.buffer.text().includes(`${marker} last`) && theirs.includes(`${marker} last`));
    assert.equal(s.buffer.text(), theirs);
    assert.equal(s.buffer.text().split('\n').filter((l) => l.includes(marker)).length, 5);
  } finally {
    s.stop();
    child.kill();
    await done;
  }
});

test('JSON-aware view of a real stream: records rendered, levels filtered, raw again on represent()', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const kc = fixture.kubeConfig(c.kubeconfig);
  const m = randomUUID();
  // A recorded mix: zap and pino records, a plain error with its stack trace, logfmt, klog, noise below the filter.
  const recorded = [
    `{"level":"info","ts":1733472000.5,"msg":"${m} listening","port":8080}`,
    `{"level":50,"time":1733472001000,"msg":"${m} upstream failed","err":{"code":"ECONNRESET"}}`,
    `${m} ERROR cannot write cache`,
    `  at Cache.write (${m}.js:10)`,
    `level=debug msg="${m} cache miss"`,
    `W0102 03:04:05.000001   1 client.go:7] ${m} slow answer`,
    `{"level":"warn","msg":"${m} retrying","attempt":2}`,
  ];
  const keys = { message: ['msg'], level: ['level'], time: ['ts', 'time'], fields: [] };
  const s = new LogSession(
    { namespace: 'demo', pod: 'native-sidecar', containers: ['proxy'], follow: true, previous: false, timestamps: false },
    (container) => clientNodeLogOpener(createClusterApi(kc, kc.getCurrentContext()), { namespace: 'demo', pod: 'native-sidecar', container }),
    { changed() {}, state() {} },
    { maxLines: 10_000, presentation: { json: 'pretty', minLevel: 'warn', keys } },
  );
  const done = s.start();
  try {
    await until('the stream to start', () => s.summary() === 'following');
    c.appendLog('demo', 'native-sidecar', 'proxy', recorded.join('\n'));
    await until('the last record', () => s.buffer.text().includes(`${m} retrying`));
    const shown = s.buffer.text().split('\n').filter((l) => l.includes(m));
    assert.deepEqual(shown, [
      `1733472001000 ERROR ${m} upstream failed err={"code":"ECONNRESET"}`,
      `${m} ERROR cannot write cache`,
      `  at Cache.write (${m}.js:10)`,
      `W0102 03:04:05.000001   1 client.go:7] ${m} slow answer`,
      `WARN  ${m} retrying attempt=2`,
    ]);
    // Following, the restarted session runs until stopped: its promise is awaited after stop(), not here.
    const again = s.represent({ json: 'raw', minLevel: undefined, keys });
    await until('the raw view', () => s.buffer.text().includes(recorded.at(-1)!));
    const raw = s.buffer.text().split('\n').filter((l) => l.includes(m));
    assert.deepEqual(raw, recorded, 'the raw view is the log as written');
    s.stop();
    await again;
  } finally {
    s.stop();
    await done;
  }
});

/** A TCP relay to the API server that the test can cut, to break streams the way a flaky network does. */
class BreakableRelay {
  private readonly server: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  private cutAfter: number | undefined;

  constructor(target: URL) {
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      const close = () => { client.destroy(); upstream.destroy(); this.pairs.delete(pair); };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      client.pipe(upstream);
      let sent = 0;
      upstream.on('data', (d: Buffer) => {
        if (this.cutAfter !== undefined && sent + d.length >= this.cutAfter) {
          client.write(d.subarray(0, Math.max(0, this.cutAfter - sent)));
          this.cutAfter = undefined;
          close();
          return;
        }
        sent += d.length;
        client.write(d);
      });
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return (this.server.address() as AddressInfo).port;
  }

  /** Cuts the next connection that receives more than `bytes` bytes, mid-stream. */
  cutNextAfter(bytes: number): void {
    this.cutAfter = bytes;
  }

  cutAll(): number {
    const n = this.pairs.size;
    for (const [a, b] of [...this.pairs]) { a.destroy(); b.destroy(); }
    return n;
  }

  close(): Promise<void> {
    this.cutAll();
    return new Promise((r) => this.server.close(() => r()));
  }
}

function viaRelay(kc: KubeConfig, port: number): KubeConfig {
  const out = new KubeConfig();
  out.loadFromOptions({
    clusters: kc.getClusters().map((cl) => ({ ...cl, server: `https://127.0.0.1:${port}` })),
    users: kc.getUsers(),
    contexts: kc.getContexts(),
    currentContext: kc.getCurrentContext(),
  });
  return out;
}

test('a dropped follow stream resumes from the last timestamp: no line lost or repeated', { timeout: 90_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const kc = fixture.kubeConfig(c.kubeconfig);
  const relay = new BreakableRelay(new URL(c.server));
  const states: LogStreamState[] = [];
  const s = session(viaRelay(kc, await relay.listen()), { namespace: 'demo', pod: 'native-sidecar', containers: ['app'], follow: true, timestamps: true }, states);
  const full = () => kubectlLogs(c, ['-n', 'demo', 'native-sidecar', '-c', 'app', '--timestamps']);
  const done = s.start();
  try {
    await until('the backlog', async () => s.buffer.text() === (await full()));
    const marker = randomUUID();
    // 3000 lines written at once share one timestamp: the resume must skip exactly the ones already shown.
    relay.cutNextAfter(40_000);
    c.appendLog('demo', 'native-sidecar', 'app', Array.from({ length: 3000 }, (_, i) => `${marker} burst line ${i} ${'x'.repeat(i % 40)}`).join('\n'));
    await until('the burst after a cut mid-stream', async () => s.buffer.text().includes(`${marker} burst line 2999`), 30_000);
    // An idle stream cut, then lines written while it reconnects.
    assert.ok(relay.cutAll() > 0, 'a connection to cut');
    c.appendLog('demo', 'native-sidecar', 'app', `${marker} while away`);
    c.appendLog('demo', 'native-sidecar', 'app', `${marker} after`);
    await until('the lines written during the break', () => s.buffer.text().includes(`${marker} after`), 30_000);
    await until('agreement with kubectl', async () => s.buffer.text() === (await full()), 10_000);
    assert.ok(states.filter((x) => x.kind === 'reconnecting').length >= 2, 'the stream really broke and resumed');
    const mine = s.buffer.text().split('\n').filter((l) => l.includes(marker));
    assert.equal(mine.length, 3002);
    assert.equal(new Set(mine).size, 3002, 'no line twice');
  } finally {
    s.stop();
    await done;
    await relay.close();
  }
});

test('the API server refusals come through in its words', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const restricted = session(fixture.kubeConfig(c.restrictedKubeconfig), { namespace: 'demo', pod: 'hello', containers: ['app'] });
  await restricted.start();
  assert.equal(restricted.summary(), `failed: pods "hello" is forbidden: User "${c.restrictedUser}" cannot get resource "pods/log" in API group "" in the namespace "demo"`);
  assert.equal(restricted.buffer.text(), `[podscope] the log of hello/app could not be read: pods "hello" is forbidden: User "${c.restrictedUser}" cannot get resource "pods/log" in API group "" in the namespace "demo"\n`, 'the view says why it is empty');

  const missing = session(fixture.kubeConfig(c.kubeconfig), { namespace: 'demo', pod: 'hello', containers: ['nope'] });
  await missing.start();
  const kubectl = await c.kubectl.run(['logs', '-n', 'demo', 'hello', '-c', 'nope']);
  assert.match(kubectl.stderr, /container nope is not valid for pod hello/);
  assert.equal(missing.summary(), 'failed: container nope is not valid for pod hello');
});
