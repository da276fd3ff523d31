// Which module checks a file: the setting, the connected cluster, what is bundled.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chooseVersion, findModules, minorOf, moduleDirs, type ModuleEntry } from '../../server/src/exact/modules';

const m = (version: string): ModuleEntry => ({ version, minor: minorOf(version)!, file: `/x/${version}/exact.wasm.gz` });
const bundled = [m('v1.37.2'), m('v1.36.1'), m('v1.35.4'), m('v1.34.4')];

test('auto follows the connected cluster\'s minor', () => {
  assert.equal(chooseVersion('auto', 'v1.35.9', bundled).module?.version, 'v1.35.4');
  assert.equal(chooseVersion('auto', 'v1.34.2+k3s1', bundled).module?.version, 'v1.34.4');
});

test('auto without a cluster, or with one not bundled, takes the newest and says why', () => {
  const none = chooseVersion('auto', undefined, bundled);
  assert.equal(none.module?.version, 'v1.37.2');
  assert.match(none.reason, /no cluster answers/);
  const old = chooseVersion('auto', 'v1.29.0', bundled);
  assert.equal(old.module?.version, 'v1.37.2');
  assert.match(old.reason, /v1\.29\.0, which is not bundled/);
});

test('a minor asked for is that module or none; never another one', () => {
  assert.equal(chooseVersion('1.36', 'v1.35.0', bundled).module?.version, 'v1.36.1');
  const missing = chooseVersion('1.31', undefined, bundled);
  assert.equal(missing.module, undefined);
  assert.match(missing.reason, /only 1\.37, 1\.36, 1\.35, 1\.34 are bundled/);
});

test('no modules at all: no choice, and a reason', () => {
  assert.match(chooseVersion('auto', 'v1.36.1', []).reason, /no exact-validation modules/);
});

test('modules are found per minor, first folder first, newest first', () => {
  const a = mkdtempSync(join(tmpdir(), 'exact-a-'));
  const b = mkdtempSync(join(tmpdir(), 'exact-b-'));
  const put = (dir: string, v: string) => { mkdirSync(join(dir, v)); writeFileSync(join(dir, v, 'exact.wasm.gz'), 'x'); };
  put(a, 'v1.36.1');
  put(b, 'v1.36.3');
  put(b, 'v1.37.2');
  mkdirSync(join(b, 'v1.35.0')); // no module file: ignored
  mkdirSync(join(b, 'work'));
  const found = findModules([join(a, 'missing'), a, b]);
  assert.deepEqual(found.map((x) => x.version), ['v1.37.2', 'v1.36.1']);
});

test('modules are looked for in PODSCOPE_EXACT_DIR, then beside the bundle', () => {
  assert.deepEqual(moduleDirs('/dist', { PODSCOPE_EXACT_DIR: '/d', PODSCOPE_EXACT_CACHE: '/c' }), ['/d', '/dist/exact']);
});
