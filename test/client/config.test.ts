// The typed Config (client/src/config.ts) and package.json's contributes.configuration describe the same settings:
// same keys, types and defaults; and Config reads each one, falling back to the declared default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useFakeVscode } from './kube/fakes/routeVscode';

const fake = useFakeVscode();

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { type: string; default: unknown }> } | { properties: Record<string, { type: string; default: unknown }> }[] };
};
const declared = Object.fromEntries(
  [manifest.contributes.configuration].flat().flatMap((c) => Object.entries(c.properties)).map(([k, v]) => [k, { type: v.type, default: v.default }]),
);

test('Config covers every podscope.* setting of package.json with the same type and default, and no other', async () => {
  const { SETTINGS, SECTION } = await import('../../client/src/config.js');
  const typed = Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [`${SECTION}.${k}`, { type: v.type, default: v.default }]));
  assert.deepEqual(typed, declared);
});

test('settings that reload the explorer are declared settings', async () => {
  const { EXPLORER_RELOAD_SETTINGS } = await import('../../client/src/config.js');
  for (const key of EXPLORER_RELOAD_SETTINGS) assert.ok(`podscope.${key}` in declared, key);
});

test('Config reads the declared default when a setting is unset, and the user value when set', async () => {
  const { Config } = await import('../../client/src/config.js');
  fake.recorded.settings.clear();
  const config = new Config();
  assert.equal(config.requestTimeoutMs, 15_000);
  assert.equal(config.shell, '');
  assert.equal(config.logDefaults.tailLines, 1000);
  assert.deepEqual(config.lspSettings, {
    rules: {}, validate: { enable: true, maxFileSizeKB: 4096 }, kubernetesVersion: 'auto', exact: { enable: true, featureGates: {} },
  });
  fake.recorded.settings.set('podscope.explorer.requestTimeoutSeconds', 3);
  fake.recorded.settings.set('podscope.logs.since', '1h30m');
  fake.recorded.settings.set('podscope.rules', { 'resources-missing': 'off' });
  assert.equal(config.requestTimeoutMs, 3000);
  assert.equal(config.logDefaults.sinceSeconds, 5400);
  assert.deepEqual(config.lspSettings.rules, { 'resources-missing': 'off' });
  fake.recorded.settings.clear();
});
