// False-positive guard: the full default rule set over the shared real-world corpus (../shared/corpus,
// never copied into the project). Files whose INDEX.tsv notes do not say they may rightly fail must get
// no error-severity finding, except the few in KNOWN_REJECTED_UPSTREAM (test/corpus.ts), which the
// API server rejects too. test/exact/corpus.test.ts runs the same check with the exact layer on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRegistry, validateText } from '../../server/src/engine';
import { corpusFalseErrors, corpusSkipReason } from '../corpus';

const skip = corpusSkipReason() ?? false;
if (skip) console.log(`corpus.test: skipped: ${skip}`);

test('corpus: files expected to be valid get no error from the full default rule set', { skip }, () => {
  const registry = defaultRegistry();
  const { checked, offenders, missing } = corpusFalseErrors('engine', (text) => validateText(text, registry));
  assert.ok(checked > 300, `expected over 300 files to check, found ${checked}`);
  assert.equal(offenders.length, 0, `${offenders.length} error(s) on files that should be valid:\n${offenders.join('\n')}`);
  assert.deepEqual(missing, [], 'known upstream errors no longer reported: update KNOWN_REJECTED_UPSTREAM');
});
