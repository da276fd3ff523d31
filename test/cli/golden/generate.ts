// Rewrites lint-golden.jsonl from the engine as it is now. Run it only when a change of findings is
// intended (a new rule, a reworded message), and review the diff:
//   node --import tsx test/cli/golden/generate.ts
import { writeFileSync } from 'node:fs';
import { defaultRegistry, validateText } from '../../../server/src/engine';
import { sortFindings } from '../../../server/src/cli/lint';
import { corpusSkipReason } from '../../corpus';
import { corpusSources, generatedSources, GOLDEN_FILE } from './sources';

const reason = corpusSkipReason();
if (reason) throw new Error(`the golden output needs the corpus: ${reason}`);
const registry = defaultRegistry();
const lines = [...generatedSources(), ...corpusSources()].map((s) => JSON.stringify({ file: s.name, findings: sortFindings(validateText(s.text, registry)) }));
writeFileSync(GOLDEN_FILE, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${lines.length} files to ${GOLDEN_FILE}\n`);
