// False-positive guard: the run-time rules over the shared real-world corpus (../shared/corpus,
// never copied into the project). Rules that claim something breaks at run time must stay silent
// on the files its README calls valid; the per-code tallies are printed as test diagnostics.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleRegistry, validateText } from '../../../../server/src/engine';
import { runtimeRules } from '../../../../server/src/engine/rules/runtime';
import { corpusFiles, corpusSkipReason, readCorpusFile } from '../../../corpus';

/** Rules whose findings say the pod breaks; the API-server-warning families may fire on valid files. */
const BREAKAGE = ['container-port-conflict', 'port-name-duplicate', 'probe-port-name-unknown', 'lifecycle-tcp-socket', 'init-container-host-port', 'host-port-conflict'];

test('runtime rules on the shared corpus: no breakage findings on valid files', (t) => {
  const skip = corpusSkipReason();
  if (skip) {
    t.skip(skip);
    return;
  }
  const registry = new RuleRegistry().register(...runtimeRules);
  const rows = corpusFiles();
  const ours = new Set(runtimeRules.map((r) => r.code));
  const tally = new Map<string, number>(runtimeRules.map((r) => [r.code, 0]));
  const wrong: string[] = [];
  for (const { file, mustBeClean } of rows) {
    for (const f of validateText(readCorpusFile(file), registry)) {
      if (!ours.has(f.code)) continue; // YAML syntax findings come from the engine core
      tally.set(f.code, (tally.get(f.code) ?? 0) + 1);
      if (mustBeClean && BREAKAGE.includes(f.code)) wrong.push(`${file}: ${f.code} ${f.path}: ${f.message}`);
    }
  }
  t.diagnostic(`${rows.length} files`);
  for (const [code, n] of [...tally].sort()) t.diagnostic(`${code}: ${n}`);
  assert.ok(rows.length > 0, 'the index lists files');
  assert.deepEqual(wrong, []);
});
