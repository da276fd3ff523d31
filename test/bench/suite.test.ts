// `npm run bench`'s flags and its running order: which benchmarks a command line selects, and that one failing or
// unable to run does not stop the others, with its cluster started once and released once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BENCH_NAMES, parseBenchArgs, UsageError, type BenchName } from './options';
import { runSuite, summary, type Bench, type Need, type Provider } from './suite';

describe('npm run bench flags', () => {
  it('runs every benchmark by default, in a fixed order, writing the docs', () => {
    const o = parseBenchArgs([]);
    assert.deepEqual(o.benches, [...BENCH_NAMES]);
    assert.deepEqual(o.named, []);
    assert.equal(o.write, true);
    assert.equal(o.peer, true);
    assert.equal(o.runs, 40);
    assert.equal(o.treePods, 10_000);
  });

  it('--only picks benchmarks, in the suite order whatever the order given', () => {
    const o = parseBenchArgs(['--only', 'pace,engine', '--runs', '3', '--no-write']);
    assert.deepEqual(o.benches, ['engine', 'pace']);
    assert.deepEqual(o.named, ['engine', 'pace']);
    assert.equal(o.runs, 3);
    assert.equal(o.write, false);
  });

  it('takes --flag=value as well as --flag value', () => {
    const o = parseBenchArgs(['--only=tree', '--tree-pods=50000', '--cli-baseline=/tmp/old/cli.js']);
    assert.deepEqual(o.benches, ['tree']);
    assert.equal(o.treePods, 50_000);
    assert.equal(o.cliBaseline, '/tmp/old/cli.js');
  });

  it('--skip and --no-cli leave benchmarks out', () => {
    assert.deepEqual(parseBenchArgs(['--skip', 'sizes,activation', '--no-cli']).benches, ['engine', 'lsp', 'exact', 'pace', 'logs', 'tree']);
    assert.deepEqual(parseBenchArgs(['--only', 'engine,logs', '--skip', 'logs']).benches, ['engine']);
  });

  it('keeps the older size flags: --only-sizes runs just that, --sizes adds it to an --only list', () => {
    const only = parseBenchArgs(['--only-sizes']);
    assert.deepEqual(only.benches, ['sizes']);
    assert.deepEqual(only.named, ['sizes']);
    const added = parseBenchArgs(['--only', 'engine', '--sizes']);
    assert.deepEqual(added.benches, ['engine', 'sizes']);
    assert.deepEqual(added.named, ['engine']);
    assert.deepEqual(parseBenchArgs(['--sizes']).benches, [...BENCH_NAMES]);
  });

  it('refuses what it does not know, naming it', () => {
    assert.throws(() => parseBenchArgs(['--only', 'engine,nope']), (e: Error) => e instanceof UsageError && /unknown benchmark "nope"; known: engine, lsp/.test(e.message));
    assert.throws(() => parseBenchArgs(['--fast']), /unknown argument "--fast"/);
    assert.throws(() => parseBenchArgs(['--runs', '0']), /--runs takes a positive whole number, not "0"/);
    assert.throws(() => parseBenchArgs(['--tree-pods=5e4']), /--tree-pods takes a positive whole number/);
    assert.throws(() => parseBenchArgs(['--only']), /--only needs a value/);
    assert.throws(() => parseBenchArgs(['--only', 'engine', '--skip', 'engine']), /nothing left to run/);
    assert.throws(() => parseBenchArgs(['--no-write=1']), /unknown argument "--no-write=1"/);
  });
});

describe('npm run bench running order', () => {
  function harness(opts: { cluster?: Awaited<ReturnType<Provider>> | Error } = {}) {
    const events: string[] = [];
    const provider = (need: Need): Provider => async () => {
      events.push(`${need} up`);
      const r = need === 'cluster' ? opts.cluster ?? {} : {};
      if (r instanceof Error) throw r;
      return 'unavailable' in r ? r : { release: async () => { events.push(`${need} released`); } };
    };
    const bench = (name: BenchName, needs: Need[] = [], fail?: string): Bench => ({
      name, needs,
      run: async () => {
        events.push(`${name} ran`);
        if (fail) throw new Error(fail);
      },
    });
    const run = (benches: Bench[], named: BenchName[] = []) =>
      runSuite(benches, named, { build: provider('build'), cluster: provider('cluster'), editor: provider('editor') }, () => {});
    return { events, bench, run };
  }

  it('goes on after a failure, and reports it', async () => {
    const h = harness();
    const out = await h.run([h.bench('engine', [], 'the server did not answer'), h.bench('pace')]);
    assert.deepEqual(out.map((o) => [o.name, o.status, o.detail]), [['engine', 'failed', 'the server did not answer'], ['pace', 'ok', undefined]]);
    assert.deepEqual(h.events, ['engine ran', 'pace ran']);
    assert.match(summary(out), /1 ran, 1 failed, 0 skipped/);
  });

  it('starts the cluster once, before the first benchmark that needs it, and releases it after the last', async () => {
    const h = harness();
    const out = await h.run([h.bench('engine'), h.bench('logs', ['cluster']), h.bench('tree', ['cluster'], 'list failed')]);
    assert.deepEqual(h.events, ['engine ran', 'cluster up', 'logs ran', 'tree ran', 'cluster released']);
    assert.deepEqual(out.map((o) => o.status), ['ok', 'ok', 'failed']);
  });

  it('skips what this machine cannot run, with the reason; asked for by name, that is a failure', async () => {
    const h = harness({ cluster: { unavailable: 'no Kubernetes binaries' } });
    const out = await h.run([h.bench('logs', ['cluster']), h.bench('tree', ['cluster']), h.bench('pace')], ['tree']);
    assert.deepEqual(out.map((o) => [o.name, o.status, o.detail]), [
      ['logs', 'skipped', 'cluster unavailable: no Kubernetes binaries'],
      ['tree', 'failed', 'cluster unavailable: no Kubernetes binaries'],
      ['pace', 'ok', undefined],
    ]);
    assert.deepEqual(h.events, ['cluster up', 'pace ran'], 'the cluster is tried once');
  });

  it('fails the benchmarks whose need broke, and runs the rest', async () => {
    const h = harness({ cluster: new Error('etcd did not start') });
    const out = await h.run([h.bench('activation', ['build', 'cluster']), h.bench('exact', ['build'])]);
    assert.deepEqual(out.map((o) => [o.name, o.status, o.detail]), [['activation', 'failed', 'cluster failed: etcd did not start'], ['exact', 'ok', undefined]]);
    assert.deepEqual(h.events, ['build up', 'cluster up', 'exact ran', 'build released']);
  });
});
