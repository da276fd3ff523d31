// Port-forwards against the real local cluster, with bytes really flowing: kwok forwards pod ports 8080 and 9090 to
// two echo servers this file starts (portForwardRoutes.ts), so every byte goes client → kube-apiserver → kwok → echo
// server and back. A forward to a Deployment survives the deletion of its pod: the next connection reaches the
// replacement (the time is measured, see docs/benchmarks.md), and a connection open on the deleted pod closes
// cleanly. A Service port maps to its targetPort, named and numeric, as `kubectl port-forward svc/…` maps it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { stringify } from 'yaml';
import type { Cluster } from '../cluster';
import { clusterLayout } from '../layout';
import { echoPorts, FORWARDED_POD_PORTS } from '../portForwardRoutes';
import type { ClusterApi } from '../../../client/src/kube/cluster/clusterApi';
import { readService } from '../../../client/src/kube/cluster/services';
import { readWorkload } from '../../../client/src/kube/cluster/workloads';
import { PodTarget, type ForwardTarget } from '../../../client/src/kube/portForward/forwardTarget';
import { PortForwardSession } from '../../../client/src/kube/portForward/portForwardSession';
import { serviceTarget, workloadTarget } from '../../../client/src/kube/portForward/selectorTargets';
import { until } from '../../support/until';
import { createPodNamespace, useCluster } from './clusterFixture';
import { EchoServer } from './echoServer';

// A namespace per run: deleting one takes a while, and a rerun must not find the last one still terminating.
const namespace = `podscope-forward-${randomBytes(4).toString('hex')}`;
const APP = 'fwd-web';

const manifests = [
  {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: APP, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: APP } },
      template: {
        metadata: { labels: { app: APP } },
        spec: { containers: [{ name: 'app', image: 'echo:1', ports: [{ name: 'http', containerPort: FORWARDED_POD_PORTS.http }, { name: 'metrics', containerPort: FORWARDED_POD_PORTS.metrics }] }] },
      },
    },
  },
  {
    apiVersion: 'v1', kind: 'Service', metadata: { name: APP, namespace },
    spec: { selector: { app: APP }, ports: [{ name: 'web', port: 80, targetPort: 'http' }, { name: 'scrape', port: 81, targetPort: FORWARDED_POD_PORTS.metrics }] },
  },
];

const fixture = useCluster('port-forward tests', {
  prepare: async (c) => {
    await createPodNamespace(c, namespace);
    await c.kubectl.ok(['apply', '-f', '-'], manifests.map((m) => stringify(m)).join('---\n'));
    await c.kubectl.ok(['rollout', 'status', '-n', namespace, `deployment/${APP}`, '--timeout=60s']);
  },
  cleanup: async (c) => { await c?.kubectl.run(['delete', 'namespace', namespace, '--wait=false']); },
});

let echo: Record<'http' | 'metrics', EchoServer>;
before(async () => {
  const ports = echoPorts(clusterLayout());
  echo = { http: await EchoServer.listen(ports.http, 'pod port 8080'), metrics: await EchoServer.listen(ports.metrics, 'pod port 9090') };
});
after(async () => { await echo.http.close(); await echo.metrics.close(); });

/** Which echo server (which pod port) took the connection made since this was called. */
function echoCounter(): () => 'http' | 'metrics' | 'neither' {
  const before = { http: echo.http.accepted, metrics: echo.metrics.accepted };
  return () => (echo.http.accepted > before.http ? 'http' : echo.metrics.accepted > before.metrics ? 'metrics' : 'neither');
}

/** Sends `payload` on a new connection and resolves with what comes back once as many bytes have arrived. */
function roundTrip(port: number, payload: Buffer, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.write(payload));
    const chunks: Buffer[] = [];
    let length = 0;
    const timer = setTimeout(() => { s.destroy(); reject(new Error(`no echo within ${timeoutMs} ms (${length} of ${payload.length} bytes)`)); }, timeoutMs);
    s.on('data', (d: Buffer) => {
      chunks.push(d);
      length += d.length;
      if (length >= payload.length) { clearTimeout(timer); s.end(); resolve(Buffer.concat(chunks)); }
    });
    s.on('error', (e) => { clearTimeout(timer); reject(e); });
    s.on('close', () => { clearTimeout(timer); reject(new Error(`closed after ${length} of ${payload.length} bytes`)); });
  });
}

async function startForward(api: ClusterApi, target: ForwardTarget, errors: string[]): Promise<PortForwardSession> {
  return PortForwardSession.start(api, { contextName: 'podscope', namespace, target, localPort: 0 }, { error: (m) => errors.push(m) });
}

/** The Deployment's pods kubectl sees running and not being deleted. */
async function podsOf(c: Cluster): Promise<string[]> {
  const list = JSON.parse(await c.kubectl.ok(['get', 'pods', '-n', namespace, '-l', `app=${APP}`, '-o', 'json'])) as {
    items: { metadata: { name: string; deletionTimestamp?: string }; status: { phase?: string } }[];
  };
  return list.items.filter((p) => !p.metadata.deletionTimestamp && p.status.phase === 'Running').map((p) => p.metadata.name);
}

test('bytes round-trip through a forward to a Deployment, through the API server and kwok', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const errors: string[] = [];
  const deployment = await readWorkload(api, 'Deployment', namespace, APP);
  const session = await startForward(api, workloadTarget(api, deployment, { kind: 'named', name: 'http' }), errors);
  try {
    const before = echo.http.accepted;
    const payload = randomBytes(256 * 1024);
    const back = await roundTrip(session.localPort, payload);
    assert.ok(back.equals(payload), 'every byte came back unchanged');
    assert.equal(echo.http.accepted, before + 1, 'the connection reached the pod port 8080 route');
    assert.deepEqual([session.target.currentPod], await podsOf(c));
    assert.equal(session.label, `127.0.0.1:${session.localPort} → ${namespace}/deployment/${APP}:http`);
    assert.deepEqual(errors, []);
  } finally {
    await session.stop();
  }
});

test('the target pod deleted: the next connection reaches its replacement; an open one closes cleanly', { timeout: 180_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const errors: string[] = [];
  const session = await startForward(api, workloadTarget(api, await readWorkload(api, 'Deployment', namespace, APP), { kind: 'number', port: FORWARDED_POD_PORTS.http }), errors);
  const times: number[] = [];
  try {
    for (let round = 1; round <= 3; round++) {
      const payload = randomBytes(1024);
      assert.ok((await roundTrip(session.localPort, payload)).equals(payload));
      const victim = await until('a current pod', () => session.target.currentPod);
      // A connection left open across the deletion.
      const open = connect(session.localPort, '127.0.0.1');
      const openErrors: string[] = [];
      open.on('error', (e) => openErrors.push(e.message));
      const closed = new Promise<boolean>((resolve) => open.on('close', resolve));
      let echoed = '';
      open.on('data', (d) => { echoed += d.toString(); });
      open.write('still here');
      await until('the open connection to echo', () => echoed === 'still here');

      const deletedAt = Date.now();
      await c.kubectl.ok(['delete', 'pod', '-n', namespace, victim, '--wait=false']);
      const reached = await until('a connection to reach the replacement', async () => {
        const again = randomBytes(1024);
        const ok = (await roundTrip(session.localPort, again, 3_000).catch(() => undefined))?.equals(again);
        const now = session.target.currentPod;
        return ok && now !== undefined && now !== victim ? { ms: Date.now() - deletedAt, pod: now } : undefined;
      }, { timeoutMs: 60_000, intervalMs: 50 });
      times.push(reached.ms);
      t.diagnostic(`round ${round}: ${victim} deleted; a new connection reached ${reached.pod} after ${reached.ms} ms`);
      assert.deepEqual(await podsOf(c), [reached.pod], 'the replacement is the Deployment\'s one running pod');

      assert.equal(await closed, false, 'the connection on the deleted pod closed without an error');
      assert.deepEqual(openErrors, []);
      assert.deepEqual(session.target.switches.at(-1) && [session.target.switches.at(-1)!.from, session.target.switches.at(-1)!.to], [victim, reached.pod]);
    }
    assert.equal(session.target.switches.length, 3);
    const sorted = [...times].sort((a, b) => a - b);
    const line = `pod deleted → next connection served by the replacement: ${times.join(', ')} ms (median ${sorted[1]} ms)`;
    t.diagnostic(line);
    t.diagnostic(`refusals while the pod was going: ${JSON.stringify(errors)}`);
    assert.deepEqual(errors.filter((e) => !/not found|no forward|lost/.test(e)), [], 'only the expected refusals of a pod being deleted');
  } finally {
    await session.stop();
  }
});

/** The echo server a new connection through kubectl's own `port-forward svc/NAME :PORT` reaches. */
async function kubectlServiceRoute(c: Cluster, port: number): Promise<'http' | 'metrics' | 'neither'> {
  const child = spawn(c.kubectl.path, ['--kubeconfig', c.kubeconfig, 'port-forward', '-n', namespace, `svc/${APP}`, `:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    child.stdout.on('data', (d) => { out += d.toString(); });
    const local = await until('kubectl to listen', () => /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out)?.[1], 30_000);
    const reached = echoCounter();
    const payload = randomBytes(64);
    assert.ok((await roundTrip(Number(local), payload)).equals(payload));
    return reached();
  } finally {
    child.kill();
  }
}

test('a Service port goes to its targetPort on the pod, named and numeric, as kubectl port-forward svc/… does', { timeout: 90_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const api = fixture.api(c.kubeconfig);
  const service = await readService(api, namespace, APP);
  for (const [servicePort, route] of [[80, 'http'], [81, 'metrics']] as const) {
    const errors: string[] = [];
    const session = await startForward(api, serviceTarget(api, service, servicePort), errors);
    try {
      const reached = echoCounter();
      const payload = randomBytes(4096);
      assert.ok((await roundTrip(session.localPort, payload)).equals(payload));
      assert.equal(reached(), route, `service port ${servicePort}`);
      assert.equal(await kubectlServiceRoute(c, servicePort), route, `kubectl agrees for service port ${servicePort}`);
      assert.deepEqual(errors, []);
    } finally {
      await session.stop();
    }
  }
});

test('a pod forward to a port kwok does not forward: the node\'s refusal is reported', { timeout: 60_000 }, async (t) => {
  const c = fixture.need(t);
  if (!c) return;
  const [pod] = await podsOf(c);
  const errors: string[] = [];
  const session = await startForward(fixture.api(c.kubeconfig), new PodTarget(pod, 7000), errors);
  try {
    const sock = connect(session.localPort, '127.0.0.1');
    sock.on('error', () => undefined);
    sock.write('x');
    await until('the node\'s answer', () => errors.length > 0);
    assert.match(errors[0], new RegExp(`no forward found for port 7000 in pod "${namespace}/${pod}"`));
    sock.destroy();
  } finally {
    await session.stop();
  }
});
