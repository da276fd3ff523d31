// False-positive guard: the run-time rules over the shared real-world corpus (../shared/corpus,
// never copied into the project). Rules that claim something breaks at run time must stay silent
// on the files its README calls valid; the per-code tallies are printed as test diagnostics.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { RuleRegistry, validateText } from '../../../../server/src/engine';
import { runtimeRules } from '../../../../server/src/engine/rules/runtime';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus');

/** Notes that still mean "valid" per the corpus README. */
const VALID_NOTES = ['legacy/in-tree volume type', 'new/beta field', 'new/alpha', 'resizePolicy', 'yaml-edge', 'demonstrates failure', 'no resources set', 'needs Localhost'];

/** Rules whose findings say the pod breaks; the API-server-warning families may fire on valid files. */
const BREAKAGE = ['container-port-conflict', 'port-name-duplicate', 'probe-port-name-unknown', 'lifecycle-tcp-socket', 'init-container-host-port', 'host-port-conflict'];

function isValid(notes: string): boolean {
  const parts = notes.split(';').map((n) => n.trim()).filter(Boolean);
  return parts.every((p) => VALID_NOTES.some((v) => p.startsWith(v)));
}

test('runtime rules on the shared corpus: no breakage findings on valid files', (t) => {
  if (!existsSync(join(CORPUS, 'INDEX.tsv'))) {
    t.skip(`corpus not found at ${CORPUS}`);
    return;
  }
  const registry = new RuleRegistry().register(...runtimeRules);
  const rows = readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const ours = new Set(runtimeRules.map((r) => r.code));
  const tally = new Map<string, number>(runtimeRules.map((r) => [r.code, 0]));
  const wrong: string[] = [];
  for (const [file, , , , , , notes = ''] of rows) {
    for (const f of validateText(readFileSync(join(CORPUS, file!), 'utf8'), registry)) {
      if (!ours.has(f.code)) continue; // YAML syntax findings come from the engine core
      tally.set(f.code, (tally.get(f.code) ?? 0) + 1);
      if (isValid(notes) && BREAKAGE.includes(f.code)) wrong.push(`${file}: ${f.code} ${f.path}: ${f.message}`);
    }
  }
  t.diagnostic(`${rows.length} files`);
  for (const [code, n] of [...tally].sort()) t.diagnostic(`${code}: ${n}`);
  assert.ok(rows.length > 0, 'the index lists files');
  assert.deepEqual(wrong, []);
});
