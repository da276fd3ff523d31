import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, findingsKey, normalizeSettings } from '../../server/src/lsp/settings';

describe('normalizeSettings', () => {
  it('keeps valid severities, the enable flag and the size limit', () => {
    assert.deepEqual(normalizeSettings({ rules: { 'a-rule': 'off', 'b-rule': 'hint' }, validate: { enable: false, maxFileSizeKB: 512 } }), {
      rules: { 'a-rule': 'off', 'b-rule': 'hint' },
      validate: { enable: false, maxFileSizeKB: 512 },
      kubernetesVersion: 'auto',
      exact: { enable: true, featureGates: {} },
    });
  });

  it('keeps the Kubernetes version, the exact switch and boolean feature gates', () => {
    assert.deepEqual(normalizeSettings({ kubernetesVersion: '1.35', exact: { enable: false, featureGates: { A: true, B: 'yes', C: false } } }), {
      rules: {}, validate: { enable: true, maxFileSizeKB: 4096 }, kubernetesVersion: '1.35', exact: { enable: false, featureGates: { A: true, C: false } },
    });
    assert.equal(normalizeSettings({ kubernetesVersion: 'latest' }).kubernetesVersion, 'auto');
  });

  it('drops malformed values instead of trusting them', () => {
    assert.deepEqual(normalizeSettings({ rules: { a: 'loud', b: 3, c: 'warning' }, validate: { enable: 'yes', maxFileSizeKB: -1 } }), {
      rules: { c: 'warning' },
      validate: { enable: true, maxFileSizeKB: 4096 },
      kubernetesVersion: 'auto',
      exact: { enable: true, featureGates: {} },
    });
    for (const raw of [null, undefined, 'x', [], { rules: ['error'] }]) assert.deepEqual(normalizeSettings(raw), DEFAULT_SETTINGS);
  });

  it('keys findings by rule settings regardless of their order', () => {
    const a = normalizeSettings({ rules: { x: 'off', y: 'hint' } });
    const b = normalizeSettings({ rules: { y: 'hint', x: 'off' } });
    assert.equal(findingsKey(a), findingsKey(b));
    assert.notEqual(findingsKey(a), findingsKey(normalizeSettings({ rules: { x: 'off' } })));
  });
});
