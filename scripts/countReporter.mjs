// node:test reporter that tallies leaf tests and skip reasons into a JSON file, so the
// orchestrator can print one closing line for all phases and say what was skipped and why.
// The file is rewritten after every result: a phase killed at its time limit (scripts/test.mjs)
// never lets a reporter finish, and a tally written only at the end would be lost.
import { writeFileSync } from 'node:fs';

export default async function* countReporter(source) {
  const tally = { passed: 0, failed: 0, skipped: 0, skips: [], failures: [] };
  const out = process.env.PODSCOPE_TALLY;
  const save = () => { if (out) writeFileSync(out, JSON.stringify(tally)); };
  save();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    if (d.details?.type === 'suite') continue;
    if (d.skip !== undefined || d.todo !== undefined) {
      tally.skipped++;
      tally.skips.push({ name: d.name, file: d.file, reason: typeof d.skip === 'string' ? d.skip : typeof d.todo === 'string' ? d.todo : '' });
    } else if (event.type === 'test:pass') tally.passed++;
    else {
      tally.failed++;
      tally.failures.push({ name: d.name, file: d.file });
    }
    save();
  }
  yield '';
}
