// A module that cannot load, hangs or dies costs one message and an undefined answer (the engine
// then answers alone) — never a crash or a hung server.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ExactService } from '../../server/src/exact/exactService';
import type { ModuleEntry } from '../../server/src/exact/modules';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const entry = (file: string): ModuleEntry => ({ version: 'v1.36.1', minor: '1.36', file });
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } };

async function withService(options: Partial<ConstructorParameters<typeof ExactService>[0]>, fn: (s: ExactService, logs: string[]) => Promise<void>): Promise<void> {
  const logs: string[] = [];
  const service = new ExactService({ log: (m) => logs.push(m), ...options });
  try {
    await fn(service, logs);
  } finally {
    await service.dispose();
  }
}

test('a file that is not a WebAssembly module: one message, no verdicts, and it is not retried', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'exact-bad-'));
  const file = join(dir, 'exact.wasm.gz');
  writeFileSync(file, 'not a module');
  await withService({}, async (service, logs) => {
    assert.equal(await service.validate(entry(file), {}, [pod]), undefined);
    assert.equal(await service.validate(entry(file), {}, [pod]), undefined);
    assert.equal(service.state(entry(file)), 'failed');
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /exact validation for Kubernetes v1\.36\.1 is unavailable \(cannot start .*\); the engine's checks continue without it/);
  });
});

test('a missing module file: one message naming the file', async () => {
  await withService({}, async (service, logs) => {
    assert.equal(await service.validate(entry('/nonexistent/exact.wasm.gz'), {}, [pod]), undefined);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /cannot read \/nonexistent\/exact\.wasm\.gz/);
  });
});

test('a module that never finishes loading times out instead of hanging the caller', async () => {
  await withService({ workerFile: fixture('hangingWorker.mjs'), loadTimeoutMs: 300 }, async (service, logs) => {
    const start = Date.now();
    assert.equal(await service.validate(entry('/unused'), {}, [pod]), undefined);
    assert.ok(Date.now() - start < 5000);
    assert.match(logs.join('\n'), /did not start within 300 ms/);
  });
});

test('a worker that dies during a request answers undefined, once', async () => {
  const states: string[] = [];
  await withService({ workerFile: fixture('dyingWorker.mjs'), onStateChange: (_m, s) => states.push(s) }, async (service, logs) => {
    assert.equal(await service.validate(entry('/unused'), {}, [pod]), undefined);
    assert.deepEqual(states, ['ready', 'failed']);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /exited \(code 7\)/);
  });
});

test('stopping the service ends its workers without reporting a failure', async () => {
  const logs: string[] = [];
  const service = new ExactService({ log: (m) => logs.push(m), workerFile: fixture('dyingWorker.mjs') });
  service.warm(entry('/unused'));
  await new Promise((r) => setTimeout(r, 300));
  await service.dispose();
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(logs, []);
});

test('a second module replaces the first: one worker at a time, and no failure reported for the one retired', async () => {
  await withService({ workerFile: fixture('answeringWorker.mjs') }, async (service, logs) => {
    const first = entry('/modules/v1.37.2');
    const second: ModuleEntry = { version: 'v1.34.4', minor: '1.34', file: '/modules/v1.34.4' };
    assert.deepEqual(await service.validate(first, {}, [pod]), [{ stage: 'ok', message: '/modules/v1.37.2' }]);
    assert.equal(service.state(first), 'ready');
    assert.deepEqual(await service.validate(second, {}, [pod]), [{ stage: 'ok', message: '/modules/v1.34.4' }]);
    assert.equal(service.state(first), undefined, 'the first module is no longer loaded');
    assert.equal(service.state(second), 'ready');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(logs, []);
    // Asked for again, the first one loads anew.
    assert.deepEqual(await service.validate(first, {}, [pod]), [{ stage: 'ok', message: '/modules/v1.37.2' }]);
    assert.equal(service.state(second), undefined);
  });
});

test('a request still waiting on a retired module answers undefined instead of hanging', async () => {
  await withService({ workerFile: fixture('hangingWorker.mjs'), loadTimeoutMs: 60_000 }, async (service, logs) => {
    const waiting = service.validate(entry('/modules/a'), {}, [pod]);
    service.warm({ version: 'v1.34.4', minor: '1.34', file: '/modules/b' });
    assert.equal(await waiting, undefined);
    assert.deepEqual(logs, []);
  });
});
