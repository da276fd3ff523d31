// Rewrites lint-golden.jsonl from the engine as it is now, and lint-golden-exact.jsonl from the CLI with
// the exact layer (the pinned module version must be built). Run it only when a change of findings is
// intended (a new rule, a reworded message, a new module), and review the diff:
//   node --import tsx test/cli/golden/generate.ts
import { writeFileSync } from 'node:fs';
import { defaultRegistry, validateText } from '../../../server/src/engine';
import { sortFindings } from '../../../server/src/cli/lint';
import { findModules, moduleDirs, REPO_DIST } from '../../../server/src/exact/modules';
import { corpusSkipReason } from '../../corpus';
import { EXACT_GOLDEN_FILE, EXACT_GOLDEN_VERSION, exactCliOutput } from './exactOutput';
import { corpusSources, generatedSources, GOLDEN_FILE } from './sources';

const reason = corpusSkipReason();
if (reason) throw new Error(`the golden output needs the corpus: ${reason}`);
const registry = defaultRegistry();
const lines = [...generatedSources(), ...corpusSources()].map((s) => JSON.stringify({ file: s.name, findings: sortFindings(validateText(s.text, registry)) }));
writeFileSync(GOLDEN_FILE, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${lines.length} files to ${GOLDEN_FILE}\n`);

if (!findModules(moduleDirs(REPO_DIST)).some((m) => m.minor === EXACT_GOLDEN_VERSION)) {
  throw new Error(`${EXACT_GOLDEN_FILE} needs the ${EXACT_GOLDEN_VERSION} module (npm run build, with Go)`);
}
const exact = exactCliOutput('1');
if (exact.stderr) throw new Error(`the CLI with the exact layer complained: ${exact.stderr}`);
const exactLines = [...exact.diagnostics].map(([file, diagnostics]) => JSON.stringify({ file, diagnostics }));
writeFileSync(EXACT_GOLDEN_FILE, `${exactLines.join('\n')}\n`);
process.stdout.write(`wrote ${exactLines.length} files to ${EXACT_GOLDEN_FILE}\n`);
